using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vouch.Tests.Faults;

/// <summary>Who a fuzzed request comes from: nobody, a token nobody issued, or a user of a role (<paramref name="Role"/>).</summary>
public sealed record FuzzCaller(string Name, string? Token, string? Role = null);

/// <summary>One generated request, described well enough to send it again by hand.</summary>
public sealed record FuzzRequest(string Method, string Url, FuzzCaller Caller, string? ContentType, byte[]? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Caller.Token is { } token)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : " " + Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)) + (Body.Length > 300 ? $"… ({Body.Length:N0} bytes)" : "");
        return $"{Method} {(Url.Length > 300 ? Url[..300] + "…" : Url)} as {Caller.Name}{(ContentType is null ? "" : $" [{ContentType}]")}{body}";
    }
}

/// <summary>
/// Generates requests for every operation of an OpenAPI document, from a seeded <see cref="Random"/>: bodies that follow
/// the schema and bodies that break it (a wrong type, a missing required field, too long a string, a huge number,
/// unusual unicode, nothing, something that is not JSON), path and query values that exist, do not, or do not parse,
/// from every caller. The same seed and document give the same requests, but for ids learned from earlier answers.
/// </summary>
public sealed class OpenApiFuzzer
{
    private static readonly string[] s_methods = ["get", "post", "put", "patch", "delete"];
    private static readonly string[] s_oddStrings =
    [
        "", " ", "null", "0", "-1", "true", "\u0000", "Zürich – Straße 東京 🚀", "\u202Eevil\u202C", "a\r\nb", "' OR 1=1 --",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\uFFFF", "🏳️‍🌈👨‍👩‍👧‍👦", new string('x', 300), new string('é', 5_000),
    ];
    private static readonly string[] s_oddNumbers =
        ["-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1.5", "99999999999999999999999999999", "NaN"];

    private readonly JsonObject _document;
    private readonly List<(string Method, string Path, JsonObject Operation)> _operations = [];
    private readonly List<FuzzCaller> _callers;
    private readonly Random _random;
    private readonly List<string> _knownIds = [];

    public OpenApiFuzzer(JsonObject document, IReadOnlyList<FuzzCaller> callers, int seed)
    {
        _document = document;
        _callers = [.. callers];
        _random = new Random(seed);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in s_methods)
            {
                if (item![method] is JsonObject operation)
                {
                    _operations.Add((method.ToUpperInvariant(), path, operation));
                }
            }
        }
    }

    public int OperationCount => _operations.Count;

    /// <summary>
    /// Sends later requests from <paramref name="fresh"/> instead of <paramref name="stale"/>: acting as an admin, the
    /// fuzzer disables, deletes and demotes users and revokes tokens, its own callers' among them.
    /// </summary>
    public void Replace(FuzzCaller stale, FuzzCaller fresh) => _callers[_callers.IndexOf(stale)] = fresh;

    /// <summary>Remembers the ids in an answer, so that later requests also name records that exist.</summary>
    public void Learn(string json)
    {
        if (_knownIds.Count >= 500)
        {
            return;
        }
        try
        {
            Collect(JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            // Not JSON: nothing to learn.
        }

        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        if (name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && value is JsonValue v && v.TryGetValue<string>(out var s)
                            && Guid.TryParse(s, out _) && !_knownIds.Contains(s))
                        {
                            _knownIds.Add(s);
                        }
                        else
                        {
                            Collect(value);
                        }
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a.Take(20))
                    {
                        Collect(item);
                    }
                    break;
            }
        }
    }

    /// <summary>The next request: operations in turn, so that a small run still reaches every one.</summary>
    public FuzzRequest Next(int index)
    {
        var (method, template, operation) = _operations[index % _operations.Count];
        var caller = _callers[_random.Next(_callers.Count)];
        var path = template;
        var query = new List<string>();
        foreach (var parameter in Parameters(template, operation))
        {
            var name = parameter["name"]!.GetValue<string>();
            var schema = Resolve(parameter["schema"] as JsonObject);
            switch (parameter["in"]?.GetValue<string>())
            {
                case "path":
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(PathValue(schema)), StringComparison.Ordinal);
                    break;
                case "query" when _random.Next(3) > 0:
                    query.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(QueryValue(schema)));
                    break;
            }
        }
        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        var (contentType, body) = Body(operation);
        return new FuzzRequest(method, url, caller, contentType, body);
    }

    private IEnumerable<JsonObject> Parameters(string template, JsonObject operation)
    {
        var declared = (operation["parameters"] as JsonArray ?? [])
            .Concat(_document["paths"]![template]!["parameters"] as JsonArray ?? [])
            .Select(p => Resolve(p as JsonObject)!).ToList();
        // A route value the document does not declare still has to be filled.
        foreach (var segment in template.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}');
            if (!declared.Any(p => p["name"]?.GetValue<string>() == name))
            {
                declared.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["schema"] = new JsonObject { ["type"] = "string" } });
            }
        }
        return declared;
    }

    private string PathValue(JsonObject? schema) => _random.Next(10) switch
    {
        < 4 when _knownIds.Count > 0 => _knownIds[_random.Next(_knownIds.Count)],
        < 6 => Scalar(schema)?.ToString() ?? Guid.NewGuid().ToString(),
        < 7 => Guid.NewGuid().ToString(),
        < 8 => s_oddNumbers[_random.Next(s_oddNumbers.Length)],
        _ => UrlOddString() is { Length: > 0 } odd ? odd : "x",
    };

    /// <summary>
    /// An odd string that fits a URL: Kestrel itself refuses a request line over 8 KB (414) and a path with a null in it
    /// (400) with a bare answer, before the app sees the request, so those say nothing about the app.
    /// </summary>
    private string UrlOddString()
    {
        var odd = s_oddStrings[_random.Next(s_oddStrings.Length)];
        return odd.Length > 300 ? odd[..300] : odd.Replace("\u0000", "", StringComparison.Ordinal).Replace("%00", "%", StringComparison.Ordinal);
    }

    private string QueryValue(JsonObject? schema)
    {
        if (_random.Next(3) > 0)
        {
            return Scalar(schema) switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                var v => v.ToJsonString(),
            };
        }
        return _random.Next(2) == 0 ? s_oddNumbers[_random.Next(s_oddNumbers.Length)] : UrlOddString();
    }

    private (string? ContentType, byte[]? Body) Body(JsonObject operation)
    {
        if (operation["requestBody"]?["content"] is not JsonObject content)
        {
            return _random.Next(10) == 0 ? ("application/json", "{}"u8.ToArray()) : (null, null);
        }
        if (content["application/json"]?["schema"] is JsonObject json)
        {
            return _random.Next(12) switch
            {
                0 => ("application/json", []),
                1 => ("application/json", "{\"name\": \"unfinished"u8.ToArray()),
                2 => ("text/plain", "name=plain text"u8.ToArray()),
                3 => ("application/json", Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? "null" : "[1, 2, 3]")),
                4 => ("application/json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', 2 * 1024 * 1024)))),
                < 8 => ("application/json", Encoding.UTF8.GetBytes(Mutate(Value(json, depth: 0))?.ToJsonString() ?? "null")),
                _ => ("application/json", Encoding.UTF8.GetBytes(Value(json, depth: 0)?.ToJsonString() ?? "null")),
            };
        }
        // A file upload (multipart form): a small file, an empty one, or a form without the file.
        var boundary = "fuzz" + _random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        var file = _random.Next(3) switch
        {
            0 => "",
            1 => "Name,Industry\nFuzz Ltd,Banking\n",
            _ => string.Concat(Enumerable.Repeat("\u0001\u00ff garbage ", 50)),
        };
        var part = _random.Next(4) == 0
            ? $"--{boundary}\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nvalue\r\n--{boundary}--\r\n"
            : $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n--{boundary}--\r\n";
        return _random.Next(6) == 0
            ? ("multipart/form-data; boundary=" + boundary, Encoding.UTF8.GetBytes("--" + boundary + "\r\nbroken"))
            : ("multipart/form-data; boundary=" + boundary, Encoding.UTF8.GetBytes(part));
    }

    /// <summary>Breaks one thing in a valid body: a wrong type, a missing field, an odd string or number, at any depth.</summary>
    private JsonNode? Mutate(JsonNode? body)
    {
        if (body is not JsonObject o || o.Count == 0)
        {
            return OddValue();
        }
        var names = o.Select(p => p.Key).ToList();
        var name = names[_random.Next(names.Count)];
        switch (_random.Next(3))
        {
            case 0:
                o.Remove(name);
                break;
            case 1 when o[name] is JsonObject inner:
                o[name] = Mutate(inner);
                break;
            default:
                o[name] = OddValue();
                break;
        }
        return o;
    }

    private JsonNode? OddValue() => _random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(s_oddStrings[_random.Next(s_oddStrings.Length)]),
        2 => JsonNode.Parse(s_oddNumbers[_random.Next(s_oddNumbers.Length - 1)]),
        3 => JsonValue.Create(true),
        4 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1)),
        5 => new JsonObject { ["nested"] = "value" },
        6 => JsonValue.Create(new string('z', 100_000)),
        _ => JsonValue.Create(Guid.NewGuid().ToString()),
    };

    /// <summary>A value that follows <paramref name="schema"/> (as far as a schema says what is valid).</summary>
    private JsonNode? Value(JsonObject? schema, int depth)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 5)
        {
            return null;
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices && choices.Count > 0)
        {
            return Value(choices[_random.Next(choices.Count)] as JsonObject, depth + 1);
        }
        if (schema["allOf"] is JsonArray all && all.Count > 0)
        {
            return Value(all[0] as JsonObject, depth + 1);
        }
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                var required = (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
                foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
                {
                    if (required.Contains(name) || _random.Next(2) == 0)
                    {
                        result[name] = Value(property as JsonObject, depth + 1);
                    }
                }
                return result;
            case "array":
                var items = new JsonArray();
                for (var i = _random.Next(3); i > 0; i--)
                {
                    items.Add(Value(schema["items"] as JsonObject, depth + 1));
                }
                return items;
            default:
                return Scalar(schema);
        }
    }

    private JsonNode? Scalar(JsonObject? schema)
    {
        schema = Resolve(schema);
        if (schema?["enum"] is JsonArray values && values.Count > 0)
        {
            return values[_random.Next(values.Count)]?.DeepClone();
        }
        var format = schema?["format"]?.GetValue<string>();
        var minimum = Number(schema?["minimum"]) ?? 0;
        var maximum = Number(schema?["maximum"]) ?? 1000;
        return TypeOf(schema) switch
        {
            "integer" => JsonValue.Create((long)Math.Clamp(minimum + _random.Next(50), minimum, maximum)),
            "number" => JsonValue.Create(Math.Round(Math.Clamp(minimum + (_random.NextDouble() * 100), minimum, maximum), 2)),
            "boolean" => JsonValue.Create(_random.Next(2) == 0),
            _ => JsonValue.Create(format switch
            {
                "uuid" => _knownIds.Count > 0 && _random.Next(2) == 0 ? _knownIds[_random.Next(_knownIds.Count)] : Guid.NewGuid().ToString(),
                "date" => new DateOnly(2026, 1, 1).AddDays(_random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "date-time" => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(500_000)).ToString("O", CultureInfo.InvariantCulture),
                "email" => $"fuzz{_random.Next(10_000)}@example.com",
                "uri" => "https://example.com/" + _random.Next(1000),
                _ => Words(schema?["maxLength"] is { } max ? (int)Number(max)!.Value : 40),
            }),
        };
    }

    private string Words(int maxLength)
    {
        string[] words = ["Fuzz", "Banking", "Zürich", "cloud", "onboarding", "東京", "renewal", "Acme", "security", "🚀"];
        var text = string.Join(' ', Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => words[_random.Next(words.Length)]));
        return text.Length <= maxLength ? text : text[..Math.Max(1, maxLength)];
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<double>(out var d) || (v.TryGetValue<string>(out var s) && double.TryParse(s, CultureInfo.InvariantCulture, out d))) ? d : null;

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private JsonObject? Resolve(JsonObject? schema)
    {
        for (var hops = 0; schema?["$ref"] is JsonValue reference && hops < 10; hops++)
        {
            var node = (JsonNode?)_document;
            foreach (var part in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
            {
                node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            schema = node as JsonObject;
        }
        return schema;
    }
}
