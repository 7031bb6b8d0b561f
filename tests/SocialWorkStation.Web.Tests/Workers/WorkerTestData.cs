using System.Globalization;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Workers;

/// <summary>Synthetic ID numbers (valid check character, invented people) and request bodies for worker tests.</summary>
internal static class WorkerTestData
{
    private static int _sequence = Random.Shared.Next(0, 500);

    /// <summary>A fresh valid number for the birth date; the sequence cycles so tests in one run never share a number.</summary>
    public static string Id(string birth, bool male = true, string area = "469030")
    {
        var n = Interlocked.Increment(ref _sequence);
        var seq = (n * 2 + (male ? 1 : 0)) % 1000;
        // The area code changes when the sequence wraps round, so numbers stay unique within a run.
        var first17 = area[..4] + ((n * 2 / 1000) % 100).ToString("00", CultureInfo.InvariantCulture) + birth.Replace("-", "", StringComparison.Ordinal) + seq.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckChar(first17);
    }

    public static Dictionary<string, object?> Worker(string stationId, string name = "测试社工", string? idNumber = null, string birth = "1992-03-15",
        string role = "worker", string education = "bachelor", string majorCategory = "socialWork", string hireDate = "2024-03-01",
        object[]? certificates = null, object[]? trainings = null, string[]? contactVillages = null) => new()
    {
        ["stationId"] = stationId,
        ["name"] = name,
        ["idNumber"] = idNumber ?? Id(birth),
        ["role"] = role,
        ["education"] = education,
        ["major"] = majorCategory == "other" ? "会计学" : "社会工作",
        ["majorCategory"] = majorCategory,
        ["hireDate"] = hireDate,
        ["localHukou"] = true,
        ["certificates"] = certificates ?? [new { kind = "nationalAssistant", obtainedOn = "2020-06-30", registered = true }],
        ["trainings"] = trainings ?? [new { date = "2025-05-20", hours = 16m, provider = "琼中县民政局", topic = "个案工作", professional = true }],
        ["contactVillages"] = contactVillages ?? [],
    };

    /// <summary>A new Qiongzhong station made by the bureau (each test makes its own).</summary>
    public static async Task<string> NewStation(HttpClient bureau, string regionCode = "469030102", string profileKey = "hainan-qiongzhong", int? requiredStaff = null)
    {
        var response = await bureau.PostJson("/api/v1/stations", new
        {
            name = "琼中县黎母山镇社会工作服务站", kind = "station", regionCode, profileKey, floorArea = 40m, fireSafety = true, requiredStaff,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetString()!;
    }

    public static async Task<string> Create(HttpClient client, Dictionary<string, object?> worker)
    {
        var response = await client.PostJson("/api/v1/workers", worker);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJson()).GetProperty("id").GetString()!;
    }
}
