using System.Text.Json;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Progress;

/// <summary>
/// The province benchmark's reading of issue 6's progress numbers (src/SocialWorkStation.Web/Features/Progress): the
/// hand-written raw GROUP BY it measures against and done per standard from the API's answer, in the same terms.
/// </summary>
internal static class ProgressHooks
{
    /// <summary>
    /// The raw GROUP BY of the region's numbers (<see cref="ProgressReference"/>), done per standard key; training
    /// comes in tenths of an hour and is turned into hours as the API shows it.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ReferenceAsync(AppDbContext db, ProfileCatalog profiles, string regionPrefix, DateOnly from,
        DateOnly to, CancellationToken ct)
    {
        var raw = await ProgressReference.ComputeAsync(db, profiles, regionPrefix, from, to, ct);
        return raw.ToDictionary(x => x.Key, x => x.Key == StandardCatalog.Training ? x.Value / 10m : x.Value);
    }

    /// <summary>Done per standard key from the answer to GET /api/v1/progress (ProgressReportDto.standards).</summary>
    public static IReadOnlyDictionary<string, decimal> DoneFromApi(JsonElement answer) =>
        answer.GetProperty("standards").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("done").GetDecimal());
}
