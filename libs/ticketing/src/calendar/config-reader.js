"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigReader = void 0;
exports.fieldPath = fieldPath;
exports.elementPath = elementPath;
exports.describeValue = describeValue;
exports.formatProblem = formatProblem;
/** The path of a field inside the object at `path`. */
function fieldPath(path, key) {
    return path ? `${path}.${key}` : key;
}
/** The path of an element inside the list at `path`. */
function elementPath(path, index) {
    return `${path}[${index}]`;
}
/** A short description of what a JSON value is, for "got …" in messages. */
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value)}`;
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${String(value)}`;
}
/**
 * Reads untrusted configuration values, collecting every problem instead of stopping at the
 * first, so a config author sees all of them in one run. Each reader returns undefined when
 * the value is missing or of the wrong type (and records why, unless the value is optional).
 */
class ConfigReader {
    problems = [];
    /** Records a problem at a path. */
    report(path, message) {
        this.problems.push({ path, message });
    }
    /** A plain object whose fields are all among `knownFields`; unknown fields are typos and reported. */
    object(value, path, knownFields, optional = false) {
        if (!this.present(value, path, optional))
            return undefined;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            this.report(path, `must be an object (got ${describeValue(value)})`);
            return undefined;
        }
        for (const key of Object.keys(value)) {
            if (!knownFields.includes(key)) {
                this.report(fieldPath(path, key), `unknown field (known fields: ${knownFields.join(', ')})`);
            }
        }
        return value;
    }
    /** A list. */
    list(value, path) {
        if (!this.present(value, path, false))
            return undefined;
        if (Array.isArray(value))
            return value;
        this.report(path, `must be a list (got ${describeValue(value)})`);
        return undefined;
    }
    /** A non-empty string (after trimming). */
    string(value, path, optional = false) {
        if (!this.present(value, path, optional))
            return undefined;
        if (typeof value !== 'string') {
            this.report(path, `must be a string (got ${describeValue(value)})`);
            return undefined;
        }
        if (value.trim() === '') {
            this.report(path, 'must not be empty');
            return undefined;
        }
        return value;
    }
    /** A finite number. */
    number(value, path) {
        if (!this.present(value, path, false))
            return undefined;
        if (typeof value === 'number' && Number.isFinite(value))
            return value;
        this.report(path, `must be a number (got ${describeValue(value)})`);
        return undefined;
    }
    /** A whole number. */
    integer(value, path) {
        const number = this.number(value, path);
        if (number === undefined || Number.isInteger(number))
            return number;
        this.report(path, `must be a whole number (got ${number})`);
        return undefined;
    }
    /** true or false. */
    boolean(value, path, optional = false) {
        if (!this.present(value, path, optional))
            return undefined;
        if (typeof value === 'boolean')
            return value;
        this.report(path, `must be true or false (got ${describeValue(value)})`);
        return undefined;
    }
    /** One of a closed set of strings. */
    oneOf(value, path, allowed) {
        const text = this.string(value, path);
        if (text === undefined || allowed.includes(text))
            return text;
        this.report(path, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(text)})`);
        return undefined;
    }
    /** A check that reports every value already seen among siblings, naming where it first appeared. */
    repeatCheck(what) {
        const firstPaths = new Map();
        return (value, path) => {
            const firstPath = firstPaths.get(value);
            if (firstPath === undefined)
                firstPaths.set(value, path);
            else
                this.report(path, `duplicate ${what} ${JSON.stringify(value)} (first at ${firstPath})`);
        };
    }
    present(value, path, optional) {
        if (value !== undefined)
            return true;
        if (!optional)
            this.report(path, 'is required');
        return false;
    }
}
exports.ConfigReader = ConfigReader;
/** A problem as one line of an error message: 'path: message'. */
function formatProblem({ path, message }) {
    return path ? `${path}: ${message}` : message;
}
//# sourceMappingURL=config-reader.js.map