"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_NOTE_LENGTH = exports.MAX_DESCRIPTION_LENGTH = exports.DIRECTOR_TIER = exports.COMMENT_VISIBILITIES = exports.CLOSE_REASONS = exports.ESCALATION_REASONS = exports.CHANNELS = void 0;
exports.CHANNELS = [
    'phone',
    'walk_in',
    'email',
    'web',
    'mobile_app',
    'open311',
    'department_line',
    'internal',
];
exports.ESCALATION_REASONS = ['cannot_answer', 'complex', 'overdue', 'resident_request', 'other'];
exports.CLOSE_REASONS = ['duplicate', 'withdrawn', 'invalid', 'not_city_responsibility'];
exports.COMMENT_VISIBILITIES = ['internal', 'public'];
exports.DIRECTOR_TIER = 2;
exports.MAX_DESCRIPTION_LENGTH = 4000;
exports.MAX_NOTE_LENGTH = 4000;
//# sourceMappingURL=ticket-values.js.map