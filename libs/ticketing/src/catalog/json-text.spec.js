"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const json_text_1 = require("./json-text");
describe('parseJsonText', () => {
    it('given valid JSON, then it returns the value', () => {
        expect((0, json_text_1.parseJsonText)('{"a": [1, true, null, "x"]}')).toEqual({ ok: true, value: { a: [1, true, null, 'x'] } });
    });
    it.each([
        ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
        ['a trailing comma', '{\n  "a": 1,\n}', 3, 1, 'expected a property name in double quotes (is there a trailing comma?)'],
        ['a misspelt literal', '{"a": tru}', 1, 7, 'unexpected "t": expected a value'],
        ['a missing colon', '{"a" 1}', 1, 6, "expected ':' after the property name"],
        ['an unterminated string', '{"a": "x\n}', 1, 9, 'line break or control character inside a string (is a closing quote missing?)'],
        ['a bad escape', '["\\x"]', 1, 3, 'invalid escape sequence in a string'],
        ['a malformed number', '[01]', 1, 3, "expected ',' or ']'"],
        ['text after the document', '{} {}', 1, 4, 'unexpected text after the end of the JSON document'],
        ['a truncated document', '{"a": [1, ', 1, 11, 'unexpected end of text: a value is missing'],
        ['an empty text', '', 1, 1, 'unexpected end of text: a value is missing'],
    ])('given %s, then it says where and why', (_case, text, line, column, message) => {
        expect((0, json_text_1.parseJsonText)(text)).toEqual({ ok: false, line, column, message });
    });
});
//# sourceMappingURL=json-text.spec.js.map