"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRIORITIES = void 0;
/** Ticket priorities, lowest first. */
exports.PRIORITIES = ['low', 'normal', 'high', 'urgent'];
//# sourceMappingURL=priority.js.map