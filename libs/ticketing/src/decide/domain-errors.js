"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invalid = void 0;
const invalid = (command, field, message) => ({
    kind: 'InvalidCommand',
    command,
    field,
    message: `${field}: ${message}`,
});
exports.invalid = invalid;
//# sourceMappingURL=domain-errors.js.map