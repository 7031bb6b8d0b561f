using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>Registers a worker (/Workers/Edit) or edits one (/Workers/Edit/{id}) through SaveWorker.</summary>
[Authorize(Policy = Permissions.WorkersManage)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : WorkerFormPage(db, profiles, clock)
{
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public override bool IsHiring => false;
    public bool Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, Guid? station, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            Input = WorkerForm.From(await GetWorker.Handle(Db, Profiles, Clock, User.Scope(), existing, ct));
        }
        else
        {
            Input = new WorkerForm { StationId = DefaultStation(station), Certificates = [new CertificateRow()], Trainings = [] };
        }
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                var scope = User.Scope();
                var saved = id is { } existing
                    ? await SaveWorker.Update(Db, Profiles, Clock, scope, existing, Input.ToInput(), ct)
                    : await SaveWorker.Create(Db, Profiles, Clock, scope, Input.ToInput(), ct);
                TempData["Message"] = IsNew ? $"已登记“{saved.Name}”。" : $"已保存“{saved.Name}”的修改。";
                return RedirectToPage("/Workers/Details", new { id = saved.Id });
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(WorkerForm));
            }
            catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
            {
                Db.ChangeTracker.Clear();
                var current = await GetWorker.Handle(Db, Profiles, Clock, User.Scope(), id!.Value, ct);
                // Saving again after reading the message keeps what the user typed over the other change.
                ModelState.Remove("Input.Version");
                Input.Version = current.Version;
                Conflict = true;
                ModelState.AddModelError("", $"您编辑期间，“{current.Name}”的信息已被他人修改并保存。再次点击“保存”将以您填写的内容为准；如要放弃您的修改，请点击“取消”后重新打开。");
            }
        }
        await PrepareAsync(ct);
        return Page();
    }

    protected override Task PrepareMoreAsync(CancellationToken ct)
    {
        Id ??= RouteData.Values["id"] is string s && Guid.TryParse(s, out var g) ? g : null;
        return Task.CompletedTask;
    }
}
