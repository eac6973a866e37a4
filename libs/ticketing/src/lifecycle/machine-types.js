"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=machine-types.js.map