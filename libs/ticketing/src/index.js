"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./calendar"), exports);
__exportStar(require("./catalog"), exports);
__exportStar(require("./model/actor"), exports);
__exportStar(require("./model/ticket-values"), exports);
__exportStar(require("./model/ticket-state"), exports);
__exportStar(require("./model/ticket-id"), exports);
__exportStar(require("./commands/ticket-commands"), exports);
__exportStar(require("./events/ticket-events"), exports);
__exportStar(require("./events/event-ids"), exports);
__exportStar(require("./events/upcasters"), exports);
__exportStar(require("./decide/domain-errors"), exports);
__exportStar(require("./decide/decide"), exports);
__exportStar(require("./evolve/evolve"), exports);
__exportStar(require("./lifecycle/machine-types"), exports);
__exportStar(require("./lifecycle/policy-rules"), exports);
__exportStar(require("./lifecycle/ticket-machine"), exports);
__exportStar(require("./lifecycle/lifecycle-snapshot"), exports);
__exportStar(require("./lifecycle/state-diagram"), exports);
//# sourceMappingURL=index.js.map