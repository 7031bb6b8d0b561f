using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Regions;

public sealed class RegionTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_shipped_tree_walks_from_province_to_village(string db)
    {
        var client = await TestApp.For(db).ClientFor("worker");
        var county = await client.GetJson("/api/v1/regions/469030");
        Assert.Equal("琼中黎族苗族自治县", county.GetProperty("name").GetString());
        Assert.Equal("county", county.GetProperty("level").GetString());
        Assert.Equal("469000", county.GetProperty("parentCode").GetString());
        var towns = await client.GetJson("/api/v1/regions/469030/children");
        Assert.Contains(towns.EnumerateArray(), t => t.GetProperty("code").GetString() == "469030100" && t.GetProperty("name").GetString() == "营根镇");
        var villages = await client.GetJson("/api/v1/regions/469030100/children");
        Assert.True(villages.GetArrayLength() > 0, "Hainan's villages ship with the platform");
        Assert.All(villages.EnumerateArray(), v => Assert.Equal("village", v.GetProperty("level").GetString()));
        var provinces = await client.GetJson("/api/v1/regions");
        Assert.Equal(31, provinces.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/regions/999999")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Importing_the_same_files_again_changes_nothing(string db)
    {
        var app = TestApp.For(db);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var result = await ImportRegions.Handle(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<AuditLog>(), ImportRegions.ShippedFolder, null, CancellationToken.None);
        Assert.Equal(0, result.Added);
        Assert.Equal(0, result.Updated);
        Assert.True(result.Unchanged > 45000);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_import_reports_new_and_renamed_regions(string db)
    {
        var app = TestApp.For(db);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var code = "4690301009" + Random.Shared.Next(10, 99);
        await File.WriteAllTextAsync(Path.Combine(folder, "villages.csv"),
            "code,name,streetCode,provinceCode,cityCode,areaCode\n" +
            $"{code},\"测试村民委员会\",469030100,46,4690,469030\n");
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var first = await ImportRegions.Handle(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<AuditLog>(), folder, null, CancellationToken.None);
        Assert.Equal(1, first.Added);
        await File.WriteAllTextAsync(Path.Combine(folder, "villages.csv"),
            "code,name,streetCode,provinceCode,cityCode,areaCode\n" +
            $"{code},\"测试社区居民委员会\",469030100,46,4690,469030\n");
        var second = await ImportRegions.Handle(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<AuditLog>(), folder, null, CancellationToken.None);
        Assert.Equal(0, second.Added);
        Assert.Equal(1, second.Updated);
        var village = await (await app.ClientFor("worker")).GetJson($"/api/v1/regions/{code}");
        Assert.Equal("测试社区居民委员会", village.GetProperty("name").GetString());
    }
}
