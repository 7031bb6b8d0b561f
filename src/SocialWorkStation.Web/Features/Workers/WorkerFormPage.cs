using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// What the worker edit page and the hiring check page share: the form, its station and village options, and the
/// buttons that add and remove certificate and training rows (submit buttons, so the form works without JavaScript).
/// </summary>
public abstract class WorkerFormPage(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public WorkerForm Input { get; set; } = new();

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];
    /// <summary>Villages of the chosen station's township (code → name), for Wenzhou's contact workers.</summary>
    public IReadOnlyDictionary<string, string> Villages { get; private set; } = new Dictionary<string, string>();
    /// <summary>Whether the chosen station's profile asks for a contact worker in every village.</summary>
    public bool AskVillages { get; private set; }
    public string? ProfileName { get; private set; }
    public abstract bool IsHiring { get; }

    protected AppDbContext Db => db;
    protected ProfileCatalog Profiles => profiles;
    protected TimeProvider Clock => clock;

    public Task<IActionResult> OnPostAddCertificateAsync(CancellationToken ct) => RedrawAsync(() => Input.Certificates.Add(new CertificateRow()), ct);

    public Task<IActionResult> OnPostRemoveCertificateAsync(int index, CancellationToken ct) =>
        RedrawAsync(() => { if (index >= 0 && index < Input.Certificates.Count) Input.Certificates.RemoveAt(index); }, ct);

    public Task<IActionResult> OnPostAddTrainingAsync(CancellationToken ct) => RedrawAsync(() => Input.Trainings.Add(new TrainingRow()), ct);

    public Task<IActionResult> OnPostRemoveTrainingAsync(int index, CancellationToken ct) =>
        RedrawAsync(() => { if (index >= 0 && index < Input.Trainings.Count) Input.Trainings.RemoveAt(index); }, ct);

    /// <summary>The station changed: show its villages, keeping everything typed.</summary>
    public Task<IActionResult> OnPostStationAsync(CancellationToken ct) => RedrawAsync(() => { }, ct);

    private async Task<IActionResult> RedrawAsync(Action change, CancellationToken ct)
    {
        change();
        // Rows moved: show the model's values, not the posted ones under the old indexes.
        ModelState.Clear();
        await PrepareAsync(ct);
        return Page();
    }

    /// <summary>Page-specific preparation (the edit page reads its id from the route).</summary>
    protected virtual Task PrepareMoreAsync(CancellationToken ct) => Task.CompletedTask;

    protected async Task PrepareAsync(CancellationToken ct)
    {
        await PrepareMoreAsync(ct);
        var scope = User.Scope();
        Stations = await IndexModel.StationOptions(db, scope, ct);
        var station = Stations.FirstOrDefault(s => s.Id == Input.StationId);
        var profile = profiles.Find(station?.ProfileKey);
        ProfileName = profile?.Name;
        AskVillages = station is { Kind: "station" } && (profile?.Staff?.VillageContacts is { Value: true } || Input.ContactVillages.Count > 0);
        if (AskVillages)
        {
            Villages = (await GetWorker.Context(db, scope, station!.Id, Infrastructure.ChinaTime.Today(clock), ct)).Villages;
        }
    }

    /// <summary>The first station the user may register workers at, when none was chosen: their own.</summary>
    protected Guid? DefaultStation(Guid? asked) =>
        asked ?? (User.Scope() is { Kind: ScopeKind.Station, StationId: { } own } ? own : null);

    public static string PlatformKindText(string kind) => PlatformKinds.FromApi(kind) is { } k ? PlatformKinds.Chinese(k) : kind;
}
