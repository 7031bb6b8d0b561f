using System.Text.Json;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;

/// <summary>
/// The province generator's calls into the maintained progress aggregates of issue 6, which are being written on
/// main (src/SocialWorkStation.Web/Features/Progress). Until they are merged these are stubs that say so; the
/// generator and the benchmark harness call only these methods, so the swap is local to this file.
/// </summary>
internal static class ProgressHooks
{
    /// <summary>False while the stubs below stand in for the platform's code; the benchmark phase is skipped then.</summary>
    // TODO(issue 6): set to true when the calls below are swapped for the platform's (after `git merge main`).
    public static bool Available => false;

    /// <summary>Builds the aggregates from the raw rows after a bulk load.</summary>
    public static Task RebuildAsync(AppDbContext db, ProfileCatalog profiles, CancellationToken ct)
    {
        // TODO(issue 6): await SocialWorkStation.Web.Features.Progress.ProgressRebuild.RunAsync(db, profiles, ct);
        _ = (db, profiles, ct);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The hand-written raw GROUP BY of the province's numbers (the baseline), answered as done per standard key.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, decimal>> ReferenceAsync(AppDbContext db, ProfileCatalog profiles, string provinceCode, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        // TODO(issue 6): SocialWorkStation.Web.Features.Progress.ProgressReference.ComputeAsync(db, profiles, provinceCode, from, to, ct),
        // mapped to done per standard key.
        _ = (db, profiles, provinceCode, from, to, ct);
        throw new NotSupportedException("ProgressReference is not on this branch yet (issue 6, being written on main)");
    }

    /// <summary>Done per standard key from the API's answer to GET /api/v1/progress?region=…&amp;period=….</summary>
    public static IReadOnlyDictionary<string, decimal> DoneFromApi(JsonElement answer)
    {
        // TODO(issue 6): read the answer's shape once the route is on main.
        _ = answer;
        throw new NotSupportedException("GET /api/v1/progress is not on this branch yet (issue 6, being written on main)");
    }
}
