"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=calendar-config.js.map