using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// A scoring workspace (评分表): the caller's sheet for one station, each leaf with its points, what is looked at and the
/// platform's facts beside it; save as often as needed, submit when complete. After the close, or for the bureau
/// manager, ?party= shows another party's sheet read-only.
/// </summary>
public sealed class SheetModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, Attachments.AttachmentStore store,
    Microsoft.Extensions.Options.IOptions<Attachments.AttachmentOptions> options) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty] public SheetForm Input { get; set; } = new();

    public SheetDto Sheet { get; private set; } = null!;
    public IReadOnlyList<PartyDto> Parties { get; private set; } = [];
    public bool CanReadOthers { get; private set; }
    public InterviewsDto? Interviews { get; private set; }

    public sealed class SheetForm
    {
        public int? Version { get; set; }
        public string? Comments { get; set; }
        public List<ScoreForm> Scores { get; set; } = [];
    }

    public sealed class ScoreForm
    {
        public string? Code { get; set; }
        public decimal? Points { get; set; }
        public string? Note { get; set; }
        public string? Evidence { get; set; }
    }

    public async Task OnGetAsync(Guid id, Guid stationId, CancellationToken ct)
    {
        await Load(id, stationId, ct);
        Fill();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, Guid stationId, CancellationToken ct) => Write(id, stationId, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, Guid stationId, CancellationToken ct) => Write(id, stationId, submit: true, ct);

    /// <summary>An evidence file for one leaf (its own small form beside the indicator).</summary>
    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, Guid stationId, string? indicatorCode, IFormFile? file, CancellationToken ct)
    {
        if (!User.Can(Permissions.EvaluationsScore))
        {
            return Forbid();
        }
        try
        {
            await EvaluationEvidences.Upload(db, store, options.Value, clock, User, id, stationId, indicatorCode, "document", file, ct);
            TempData["Message"] = $"已上传指标 {indicatorCode} 的佐证材料";
        }
        catch (RequestValidationException ex)
        {
            TempData["Message"] = string.Join("；", ex.Errors.SelectMany(e => e.Value));
        }
        catch (ConflictException ex)
        {
            TempData["Message"] = ex.Message;
        }
        return RedirectToPage("/Evaluations/Sheet", null, new { id, stationId }, "ind-" + indicatorCode?.Replace('.', '-'));
    }

    public async Task<IActionResult> OnPostInterviewAsync(Guid id, Guid stationId, string? method, DateOnly? heldOn, string? respondent, int? satisfaction, string? note, CancellationToken ct)
    {
        if (!User.Can(Permissions.EvaluationsScore))
        {
            return Forbid();
        }
        try
        {
            await EvaluationEvidences.AddInterview(db, clock, User, id, stationId, new InterviewInput(method, heldOn, respondent, satisfaction, note), ct);
            TempData["Message"] = "已记录问卷/访谈";
        }
        catch (RequestValidationException ex)
        {
            TempData["Message"] = string.Join("；", ex.Errors.SelectMany(e => e.Value));
        }
        catch (ConflictException ex)
        {
            TempData["Message"] = ex.Message;
        }
        return RedirectToPage("/Evaluations/Sheet", null, new { id, stationId }, "interviews");
    }

    private async Task<IActionResult> Write(Guid id, Guid stationId, bool submit, CancellationToken ct)
    {
        if (!User.Can(Permissions.EvaluationsScore))
        {
            return Forbid();
        }
        try
        {
            var input = new SheetInput(Input.Version, Input.Comments, Input.Scores.Select(s => new ScoreInput(s.Code, s.Points, s.Note, s.Evidence)).ToArray());
            var saved = await ScoreSheets.Save(db, profiles, clock, User, id, stationId, input, ct);
            if (submit)
            {
                await ScoreSheets.Submit(db, profiles, clock, User, id, stationId, new VersionInput(saved.Version), ct);
            }
            TempData["Message"] = submit ? "评分表已提交" : "评分已保存";
            return RedirectToPage("/Evaluations/Sheet", new { id, stationId });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Input", typeof(SheetForm));
        }
        catch (Exception ex) when (ex is BusinessRuleException or ConflictException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        db.ChangeTracker.Clear();
        Party = null;
        await Load(id, stationId, ct);
        // The sheet as saved now: a save that got through before a refused submission, or another tab's save, has moved its version.
        ModelState.Remove("Input.Version");
        Input.Version = Sheet.Version;
        return Page();
    }

    private async Task Load(Guid id, Guid stationId, CancellationToken ct)
    {
        Sheet = await ScoreSheets.Get(db, profiles, clock, User, id, stationId, Party, ct);
        var round = await GetRound.Load(db, User.Scope(), id, ct);
        var dto = RoundDtos.Dto(round, profiles.Find(round.ProfileKey), User);
        Parties = dto.Parties;
        CanReadOthers = dto.Status == "closed" || User.Can(Permissions.EvaluationsManage);
        Interviews = await EvaluationEvidences.Interviews(db, clock, User, id, stationId, ct);
    }

    private void Fill()
    {
        Input = new SheetForm
        {
            Version = Sheet.Version, Comments = Sheet.Comments,
            Scores = Sheet.Indicators.Where(i => i.IsLeaf).Select(i => new ScoreForm { Code = i.Code, Points = i.Scored, Note = i.Note, Evidence = i.Evidence }).ToList(),
        };
    }
}
