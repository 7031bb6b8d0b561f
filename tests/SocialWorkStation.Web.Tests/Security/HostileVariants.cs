using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWorkStation.Web.Tests.Security;

/// <summary>One hostile request body or query: what it is (for the failure message) and its bytes.</summary>
public sealed record HostileBody(string What, string ContentType, byte[] Bytes);

/// <summary>
/// The hostile variants of an operation's input: every field of a valid body replaced by wrong types, nulls,
/// nulls inside arrays, huge strings, control characters, extreme numbers and dates; the whole body broken;
/// multipart bodies malformed; every query parameter given the same treatment.
/// </summary>
public static class HostileVariants
{
    private static readonly string Huge = new('长', 70_000);
    private const string Control = "\u0000\u0001\u0007\u001b[31m\r\n\t\u2028\ufeff";

    public static IEnumerable<(string What, JsonNode? Value)> ValuesFor(JsonNode? original)
    {
        yield return ("null", null);
        yield return ("number", JsonValue.Create(12345));
        yield return ("string", JsonValue.Create("不是正确的值"));
        yield return ("boolean", JsonValue.Create(true));
        yield return ("object", new JsonObject { ["x"] = 1 });
        yield return ("array", new JsonArray(1, "a"));
        yield return ("array of null", new JsonArray((JsonNode?)null));
        yield return ("huge string", JsonValue.Create(Huge));
        yield return ("control characters", JsonValue.Create(Control));
        yield return ("empty string", JsonValue.Create(""));
        yield return ("int overflow", JsonValue.Create(2147483648L));
        yield return ("negative", JsonValue.Create(-1));
        yield return ("double max", JsonValue.Create(1.7976931348623157e308));
        yield return ("decimal overflow", JsonNode.Parse("79228162514264337593543950336999"));
        yield return ("date max", JsonValue.Create("9999-12-31"));
        yield return ("date min", JsonValue.Create("0001-01-01"));
        yield return ("date invalid", JsonValue.Create("2026-02-30"));
        yield return ("instant max", JsonValue.Create("9999-12-31T23:59:59+14:00"));
        yield return ("guid empty", JsonValue.Create(Guid.Empty.ToString()));
        yield return ("guid random", JsonValue.Create(Guid.NewGuid().ToString()));
        if (original is JsonArray array)
        {
            var withNull = (JsonArray)array.DeepClone();
            withNull.Add(null);
            yield return ("null appended to array", withNull);
            var withNullFirst = (JsonArray)array.DeepClone();
            withNullFirst.Insert(0, null);
            yield return ("null first in array", withNullFirst);
            yield return ("long array", new JsonArray(Enumerable.Range(0, 300).Select(_ => array.Count > 0 ? array[0]?.DeepClone() : JsonValue.Create("x")).ToArray()));
        }
    }

    /// <summary>Every path inside a JSON value: object properties and array items, recursively.</summary>
    public static IEnumerable<List<object>> Paths(JsonNode? node, List<object>? prefix = null)
    {
        prefix ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var p = new List<object>(prefix) { key };
                    yield return p;
                    foreach (var inner in Paths(child, p)) yield return inner;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var p = new List<object>(prefix) { i };
                    yield return p;
                    foreach (var inner in Paths(a[i], p)) yield return inner;
                }
                break;
        }
    }

    public static JsonNode? At(JsonNode? root, List<object> path) =>
        path.Aggregate(root, (n, step) => step is string k ? n?[k] : n?[(int)step]);

    public static JsonNode Replace(JsonNode root, List<object> path, JsonNode? value)
    {
        var copy = root.DeepClone();
        var parent = At(copy, path[..^1])!;
        if (path[^1] is string key) parent[key] = value?.DeepClone();
        else parent[(int)path[^1]] = value?.DeepClone();
        return copy;
    }

    public static IEnumerable<HostileBody> JsonBodies(JsonNode example)
    {
        const string json = "application/json";
        foreach (var path in Paths(example))
        {
            var name = string.Join('.', path);
            foreach (var (what, value) in ValuesFor(At(example, path)))
            {
                yield return new HostileBody($"{name} = {what}", json, Encoding.UTF8.GetBytes(Replace(example, path, value).ToJsonString()));
            }
            if (path[^1] is string)
            {
                var removed = example.DeepClone();
                ((JsonObject)At(removed, path[..^1])!).Remove((string)path[^1]);
                yield return new HostileBody($"{name} missing", json, Encoding.UTF8.GetBytes(removed.ToJsonString()));
            }
        }
        foreach (var (what, text) in new[]
                 {
                     ("body null", "null"), ("body empty", ""), ("body array", "[]"), ("body string", "\"x\""), ("body number", "42"),
                     ("body truncated", "{\"a\":"), ("body unclosed", "{"), ("body trailing garbage", example.ToJsonString() + "}}"),
                     ("body deep nesting", new string('[', 5000) + new string(']', 5000)), ("body duplicate keys", "{\"name\":1,\"name\":2}"),
                 })
        {
            yield return new HostileBody(what, json, Encoding.UTF8.GetBytes(text));
        }
        yield return new HostileBody("body invalid UTF-8", json, [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
        yield return new HostileBody("body as text/plain", "text/plain", Encoding.UTF8.GetBytes(example.ToJsonString()));
        yield return new HostileBody("body as form", "application/x-www-form-urlencoded", "a=1&b=%00"u8.ToArray());
    }

    public static IEnumerable<HostileBody> MultipartBodies()
    {
        const string b = "sws-fuzz-boundary";
        var ct = $"multipart/form-data; boundary={b}";
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        yield return new HostileBody("multipart without boundary", "multipart/form-data", U("--x\r\n\r\n"));
        yield return new HostileBody("multipart garbage", ct, U("this is not a multipart body at all"));
        yield return new HostileBody("multipart truncated", ct, U($"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004abc"));
        yield return new HostileBody("multipart no headers", ct, U($"--{b}\r\n\r\nvalue\r\n--{b}--\r\n"));
        yield return new HostileBody("multipart header garbage", ct, U($"--{b}\r\nContent-Disposition: \u0000\u0001;;;name=\r\n\r\nx\r\n--{b}--\r\n"));
        yield return new HostileBody("multipart long boundary", "multipart/form-data; boundary=" + new string('b', 200), U("--x"));
        yield return new HostileBody("multipart empty", ct, []);
        yield return new HostileBody("multipart fake xlsx", ct, U($"--{b}\r\nContent-Disposition: form-data; name=\"ownerType\"\r\n\r\nvisit\r\n--{b}\r\nContent-Disposition: form-data; name=\"ownerId\"\r\n\r\n{Guid.Empty}\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../a.xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\nPK\u0003\u0004not a zip\r\n--{b}--\r\n"));
        yield return new HostileBody("multipart field with NUL", ct, U($"--{b}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n\u0000{new string('x', 5000)}\r\n--{b}--\r\n"));
        yield return new HostileBody("json instead of multipart", "application/json", U("{\"file\":null}"));
    }

    public static IEnumerable<HostileBody> RawBodies()
    {
        yield return new HostileBody("raw empty", "application/octet-stream", []);
        yield return new HostileBody("raw garbage", "application/octet-stream", Encoding.UTF8.GetBytes("not a workbook \u0000"));
        yield return new HostileBody("raw broken zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    }

    public static IEnumerable<(string What, string Value)> QueryValues() =>
    [
        ("huge", new string('x', 5000)), ("control", Control), ("date max", "9999-12-31"), ("date min", "0001-01-01"), ("date invalid", "2026-13-45"),
        ("negative", "-1"), ("int overflow", "2147483648"), ("long overflow", "99999999999999999999999"), ("text", "不是数字"), ("empty", ""),
        ("guid empty", Guid.Empty.ToString()), ("sql", "' OR 1=1 --"), ("percent", "%"), ("array", "a&x=b"),
    ];

    /// <summary>A valid value for a JSON schema (the document's own example when it has one).</summary>
    public static JsonNode? Sample(JsonElement schema, JsonElement components, int depth = 0)
    {
        if (depth > 6) return null;
        if (schema.TryGetProperty("$ref", out var r))
        {
            var name = r.GetString()!.Split('/')[^1];
            return components.GetProperty("schemas").TryGetProperty(name, out var target) ? Sample(target, components, depth + 1) : null;
        }
        if (schema.TryGetProperty("example", out var ex)) return JsonNode.Parse(ex.GetRawText());
        if (schema.TryGetProperty("enum", out var e) && e.GetArrayLength() > 0) return JsonNode.Parse(e[0].GetRawText());
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(key, out var options))
            {
                foreach (var o in options.EnumerateArray())
                {
                    if (Sample(o, components, depth + 1) is { } v) return v;
                }
                return null;
            }
        }
        var types = !schema.TryGetProperty("type", out var t) ? []
            : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).ToArray() : [t.GetString()];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var o = new JsonObject();
            if (schema.TryGetProperty("properties", out var props))
            {
                foreach (var p in props.EnumerateObject()) o[p.Name] = Sample(p.Value, components, depth + 1);
            }
            return o;
        }
        if (types.Contains("array"))
        {
            return schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, components, depth + 1)) : new JsonArray();
        }
        if (types.Contains("integer")) return JsonValue.Create(1);
        if (types.Contains("number")) return JsonValue.Create(1.5m);
        if (types.Contains("boolean")) return JsonValue.Create(true);
        if (types.Contains("string"))
        {
            return format switch
            {
                "date" => JsonValue.Create("2026-03-01"),
                "date-time" => JsonValue.Create("2026-03-01T08:00:00+08:00"),
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "time" => JsonValue.Create("08:00:00"),
                _ => JsonValue.Create("测试"),
            };
        }
        return null;
    }
}
