// The jest environment of the tests: jest's own Node environment, with one change. Jest runs each test file in a
// Node `vm` context made from a Proxy; in such a contextified global, every look-up of a global (isNaN, Math, Number…)
// goes through V8's interceptor and the Proxy, about 80 times slower than in Node itself (measured on Node 20: 2e6
// loop turns reading isNaN, Math and Infinity took 1,349 ms in a vm context and 16 ms outside). HyperFormula, which
// evaluates the sheets' formulas in the fake hosts, reads isNaN for every value it computes. A context made with
// `vm.constants.DONT_CONTEXTIFY` has an ordinary global object: look-ups are as fast as in Node, and each test file
// still has its own context, set up exactly as jest sets up its own. Where Node lacks the constant, jest's is used.
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

class FastGlobalsEnvironment extends TestEnvironment {
  constructor(config, context) {
    const dontContextify = vm.constants && vm.constants.DONT_CONTEXTIFY;
    if (!dontContextify) {
      super(config, context);
      return;
    }
    const createContext = vm.createContext;
    vm.createContext = () => createContext(dontContextify);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
  }
}

module.exports = FastGlobalsEnvironment;
