using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vouch.Features.Scim;

/// <summary>How an attribute compares in a filter: as text, with or without case (RFC 7643 "caseExact"), or as a Boolean.</summary>
public enum ScimAttributeKind { Text, CaseExactText, Boolean }

/// <summary>
/// A parsed SCIM filter (RFC 7644 §3.4.2.2): comparisons of attributes joined by <c>and</c>, <c>or</c>, <c>not</c> and
/// parentheses. A pure engine: it is parsed against the attributes a resource type can be filtered by, and evaluated
/// against the values a resource has for each of them.
/// </summary>
public abstract record ScimFilter
{
    /// <summary>
    /// Parses <paramref name="text"/>, knowing only the attributes in <paramref name="attributes"/> (lower case, dotted:
    /// "name.givenname"); an unknown attribute, operator or value is an error in <see cref="ScimParse{T}.Error"/>.
    /// </summary>
    public static ScimParse<ScimFilter> Parse(string text, IReadOnlyDictionary<string, ScimAttributeKind> attributes)
    {
        try
        {
            var parser = new Parser(Tokenize(text), attributes);
            var filter = parser.Or();
            return parser.AtEnd ? new ScimParse<ScimFilter>(filter, null) : throw new FormatException($"Unexpected '{parser.Current}'.");
        }
        catch (FormatException e)
        {
            return new ScimParse<ScimFilter>(null, $"The filter '{text}' is not valid: {e.Message}");
        }
    }

    /// <summary>Whether a resource whose values for an attribute <paramref name="valuesOf"/> returns passes the filter.</summary>
    public abstract bool Matches(Func<string, IEnumerable<object?>> valuesOf);

    public sealed record And(ScimFilter Left, ScimFilter Right) : ScimFilter
    {
        public override bool Matches(Func<string, IEnumerable<object?>> valuesOf) => Left.Matches(valuesOf) && Right.Matches(valuesOf);
    }

    public sealed record Or(ScimFilter Left, ScimFilter Right) : ScimFilter
    {
        public override bool Matches(Func<string, IEnumerable<object?>> valuesOf) => Left.Matches(valuesOf) || Right.Matches(valuesOf);
    }

    public sealed record Not(ScimFilter Inner) : ScimFilter
    {
        public override bool Matches(Func<string, IEnumerable<object?>> valuesOf) => !Inner.Matches(valuesOf);
    }

    /// <summary><c>attribute op value</c>, or <c>attribute pr</c> (present) with no value.</summary>
    public sealed record Comparison(string Attribute, ScimAttributeKind Kind, string Operator, object? Value) : ScimFilter
    {
        /// <summary>A multi-valued attribute (emails.value) matches when any of its values does.</summary>
        public override bool Matches(Func<string, IEnumerable<object?>> valuesOf)
        {
            var values = valuesOf(Attribute).Where(v => v is not null and not "").ToList();
            return Operator switch
            {
                "pr" => values.Count > 0,
                "eq" when Value is null => values.Count == 0,
                "ne" when Value is null => values.Count > 0,
                "ne" => !values.Any(v => Compare(v) == 0),
                _ => values.Any(Holds),
            };
        }

        private bool Holds(object? value) => Operator switch
        {
            "eq" => Compare(value) == 0,
            "co" => Text(value).Contains(Text(Value), StringRule()),
            "sw" => Text(value).StartsWith(Text(Value), StringRule()),
            "ew" => Text(value).EndsWith(Text(Value), StringRule()),
            "gt" => Compare(value) > 0,
            "ge" => Compare(value) >= 0,
            "lt" => Compare(value) < 0,
            "le" => Compare(value) <= 0,
            _ => false,
        };

        private int Compare(object? value) => Kind == ScimAttributeKind.Boolean
            ? (Equals(value, Value) ? 0 : 1)
            : string.Compare(Text(value), Text(Value), StringRule());

        private StringComparison StringRule() =>
            Kind == ScimAttributeKind.CaseExactText ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    private static readonly string[] s_comparisons = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

    /// <summary>Words, quoted strings (JSON escapes), parentheses and brackets.</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '[' or ']')
            {
                tokens.Add(new Token(c.ToString(), false));
                i++;
            }
            else if (c == '"')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '"')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }
                if (end >= text.Length)
                {
                    throw new FormatException("A quoted value is not closed.");
                }
                try
                {
                    tokens.Add(new Token(JsonSerializer.Deserialize<string>(text[i..(end + 1)])!, true));
                }
                catch (JsonException)
                {
                    throw new FormatException($"{text[i..(end + 1)]} is not a valid string.");
                }
                i = end + 1;
            }
            else
            {
                var word = new StringBuilder();
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']' or '"'))
                {
                    word.Append(text[i++]);
                }
                tokens.Add(new Token(word.ToString(), false));
            }
        }
        return tokens;
    }

    private sealed record Token(string Text, bool Quoted)
    {
        public bool Is(string keyword) => !Quoted && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Recursive descent, "and" binding tighter than "or" (RFC 7644 §3.4.2.2).</summary>
    private sealed class Parser(List<Token> tokens, IReadOnlyDictionary<string, ScimAttributeKind> attributes)
    {
        /// <summary>Deeper nesting than any provider sends; the limit keeps a hostile filter from exhausting the stack.</summary>
        private const int MaxDepth = 32;

        private int _next;
        private int _depth;

        public bool AtEnd => _next == tokens.Count;

        public string Current => AtEnd ? "the end" : tokens[_next].Text;

        public ScimFilter Or()
        {
            var left = And();
            while (Accept("or"))
            {
                left = new Or(left, And());
            }
            return left;
        }

        private ScimFilter And()
        {
            var left = Unary();
            while (Accept("and"))
            {
                left = new And(left, Unary());
            }
            return left;
        }

        private ScimFilter Unary() => Deeper(UnaryAtThisDepth);

        private ScimFilter Deeper(Func<ScimFilter> parse)
        {
            if (++_depth > MaxDepth)
            {
                throw new FormatException($"Filters nest at most {MaxDepth} deep.");
            }
            try
            {
                return parse();
            }
            finally
            {
                _depth--;
            }
        }

        private ScimFilter UnaryAtThisDepth()
        {
            if (Accept("not"))
            {
                Expect("(");
                var inner = Or();
                Expect(")");
                return new Not(inner);
            }
            if (Accept("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }
            return AttributeExpression(prefix: "");
        }

        private ScimFilter AttributeExpression(string prefix)
        {
            var path = Take("an attribute");
            if (path.Quoted)
            {
                throw new FormatException($"Expected an attribute, found the value \"{path.Text}\".");
            }
            var attribute = prefix + ScimSchemas.WithoutSchema(path.Text).ToLowerInvariant();
            if (Accept("["))
            {
                // A value filter (emails[type eq "work"]) reads as the same filter on the sub-attributes, which is what it
                // means for the one value each of Vouch's multi-valued attributes compares.
                var inner = Deeper(() => OrWithPrefix(attribute + "."));
                Expect("]");
                return inner;
            }
            if (!attributes.TryGetValue(attribute, out var kind))
            {
                throw new FormatException($"'{path.Text}' is not an attribute that can be filtered here; these are: {string.Join(", ", attributes.Keys)}.");
            }
            var op = Take("an operator").Text.ToLowerInvariant();
            if (op == "pr")
            {
                return new Comparison(attribute, kind, op, null);
            }
            if (!s_comparisons.Contains(op))
            {
                throw new FormatException($"'{op}' is not an operator; use eq, ne, co, sw, ew, gt, ge, lt, le or pr.");
            }
            var value = Value(Take("a value"), kind);
            if (kind == ScimAttributeKind.Boolean && op is not ("eq" or "ne"))
            {
                throw new FormatException($"'{path.Text}' is true or false, so it is compared only with eq or ne.");
            }
            return new Comparison(attribute, kind, op, value);
        }

        private ScimFilter OrWithPrefix(string prefix)
        {
            var left = AttributeExpression(prefix);
            while (true)
            {
                if (Accept("and"))
                {
                    left = new And(left, AttributeExpression(prefix));
                }
                else if (Accept("or"))
                {
                    left = new Or(left, AttributeExpression(prefix));
                }
                else
                {
                    return left;
                }
            }
        }

        private static object? Value(Token token, ScimAttributeKind kind)
        {
            if (token.Quoted)
            {
                return kind == ScimAttributeKind.Boolean
                    ? throw new FormatException($"\"{token.Text}\" is a string; the attribute is true or false.")
                    : token.Text;
            }
            return token.Text.ToLowerInvariant() switch
            {
                "null" => null,
                "true" or "false" when kind == ScimAttributeKind.Boolean => token.Is("true"),
                _ => throw new FormatException($"{token.Text} is not a value; strings are quoted (\"...\")."),
            };
        }

        private bool Accept(string keyword)
        {
            if (!AtEnd && tokens[_next].Is(keyword))
            {
                _next++;
                return true;
            }
            return false;
        }

        private void Expect(string keyword)
        {
            if (!Accept(keyword))
            {
                throw new FormatException($"Expected '{keyword}', found '{Current}'.");
            }
        }

        private Token Take(string what) => AtEnd ? throw new FormatException($"Expected {what} at the end.") : tokens[_next++];
    }
}

/// <summary>What parsing SCIM input came to: the value, or an error a client can read.</summary>
public sealed record ScimParse<T>(T? Value, string? Error) where T : class;
