using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Services;

/// <summary>Stations and helpers shared by the service-record tests (each test still makes its own records).</summary>
public static class ServiceData
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Outside = new();

    /// <summary>The 营根镇 station of the demo accounts head, worker and village.</summary>
    public static async Task<string> HeadStation(TestApp app) =>
        (await (await app.ClientFor("head")).GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0].GetProperty("id").GetString()!;

    /// <summary>Another Qiongzhong station: inside the county (bureau, manager), outside the head's station.</summary>
    public static async Task<string> OtherCountyStation(TestApp app)
    {
        var list = await (await app.ClientFor("bureau")).GetJson("/api/v1/stations?kind=station&regionCode=469030101");
        return list.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    /// <summary>A station in Ledong: outside every demo account's scope but the administrators'.</summary>
    public static Task<string> OutsideStation(TestApp app) => Outside.GetOrAdd(app.Provider, _ => new Lazy<Task<string>>(async () =>
    {
        var admin = await app.ClientFor("admin");
        var created = await (await admin.PostJson("/api/v1/stations", new { name = "海南省乐东黎族自治县利国镇社会工作服务站", kind = "station", regionCode = "469027106", profileKey = "hainan-ledong" })).ReadJson();
        return created.GetProperty("id").GetString()!;
    })).Value;

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;

    public static int Version(this JsonElement e) => e.GetProperty("version").GetInt32();

    public static Dictionary<string, object?> With(this object body, params (string Key, object? Value)[] changes)
    {
        var dict = body is Dictionary<string, object?> d ? new Dictionary<string, object?>(d) : body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
        foreach (var (k, v) in changes) dict[k] = v;
        return dict;
    }

    public static byte[] Jpeg(int width, int height, SKColor? color = null)
    {
        using var bmp = new SKBitmap(width, height);
        using (var c = new SKCanvas(bmp)) c.Clear(color ?? SKColors.SteelBlue);
        using var img = SKImage.FromBitmap(bmp);
        using var data = img.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static async Task<HttpResponseMessage> Upload(HttpClient client, string ownerType, string ownerId, byte[] content, string fileName, string category = "photo", string claimedType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(ownerType), "ownerType");
        form.Add(new StringContent(ownerId), "ownerId");
        form.Add(new StringContent(category), "category");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/attachments", form);
    }
}

public sealed class ServiceOpenApiTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_service_routes_and_the_upload_form()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/v1/activities", "/api/v1/activities/{id}", "/api/v1/activities/progress", "/api/v1/volunteers", "/api/v1/volunteers/{id}/proofs",
                     "/api/v1/volunteers/export", "/api/v1/volunteer-teams", "/api/v1/volunteer-services", "/api/v1/resources", "/api/v1/needs-surveys",
                     "/api/v1/needs-surveys/needs", "/api/v1/featured-cases", "/api/v1/attachments", "/api/v1/attachments/{id}/content",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var upload = paths.GetProperty("/api/v1/attachments").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
        Assert.Equal("binary", upload.GetProperty("schema").GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.Equal(60, paths.GetProperty("/api/v1/volunteer-services").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("example").GetProperty("travelMinutes").GetInt32());
    }

    /// <summary>
    /// Every POST and PUT of the service records that takes JSON shows an example, and every field of the example
    /// (nested ones too) is a field of the request's schema, so an example cannot drift from the API.
    /// </summary>
    [Fact]
    public async Task Every_service_record_post_and_put_has_an_example_that_matches_its_schema()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        string[] areas = ["visits", "cases", "groups", "activities", "volunteers", "volunteer-teams", "volunteer-services", "resources", "needs-surveys", "featured-cases"];
        var problems = new List<string>();
        var checkedOperations = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject().Where(p => areas.Contains(p.Name.Split('/')[3])))
        {
            foreach (var method in new[] { "post", "put" })
            {
                if (!path.Value.TryGetProperty(method, out var operation) || !operation.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }
                checkedOperations++;
                if (!json.TryGetProperty("example", out var example))
                {
                    problems.Add($"{method.ToUpperInvariant()} {path.Name}: no example");
                    continue;
                }
                Check(example, json.GetProperty("schema"), $"{method.ToUpperInvariant()} {path.Name}");
            }
        }
        Assert.True(checkedOperations >= 25, $"operations checked: {checkedOperations}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        void Check(JsonElement value, JsonElement schema, string where)
        {
            schema = Resolve(schema);
            if (value.ValueKind == JsonValueKind.Object)
            {
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                foreach (var field in value.EnumerateObject())
                {
                    if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(field.Name, out var fieldSchema))
                    {
                        problems.Add($"{where}: the example's field {field.Name} is not in the schema");
                        continue;
                    }
                    Check(field.Value, fieldSchema, $"{where}.{field.Name}");
                }
            }
            else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
            {
                foreach (var item in value.EnumerateArray()) Check(item, items, where + "[]");
            }
        }

        // A $ref to a component, or the non-null branch of a nullable (oneOf / anyOf) schema.
        JsonElement Resolve(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                return Resolve(schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
            }
            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(combinator, out var branches))
                {
                    foreach (var branch in branches.EnumerateArray())
                    {
                        var resolved = Resolve(branch);
                        if (resolved.TryGetProperty("properties", out _) || resolved.TryGetProperty("items", out _)) return resolved;
                    }
                }
            }
            return schema;
        }
    }
}
