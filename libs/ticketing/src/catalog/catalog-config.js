"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=catalog-config.js.map