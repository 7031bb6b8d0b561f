using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialWorkStation.Web.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>Asserts a 400 problem+json that names the field.</summary>
    public static async Task AssertValidationProblem(this HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.ReadJson();
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var messages), $"errors should name {field}: {json}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Any(c => c >= 0x4e00 && c <= 0x9fff));
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);
}
