"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=service-type.js.map