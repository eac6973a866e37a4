"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SLA_UNITS = void 0;
/** The units an SLA can be expressed in; both count business time only. */
exports.SLA_UNITS = ['business_hours', 'business_days'];
//# sourceMappingURL=sla.js.map