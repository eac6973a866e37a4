"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROLES = void 0;
/** The roles of DESIGN.md's permission table. */
exports.ROLES = ['operator', 'staff', 'department_head', 'director', 'resident', 'system'];
//# sourceMappingURL=actor.js.map