using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Regions;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// Operator commands: `dotnet run --project src/SocialWorkStation.Web -- import-regions &lt;folder&gt; [--provinces=44,45]`,
/// `rotate-recipient-key [new-key | new-index-key]` (docs/recipients.md), `rebuild-progress` (docs/operations.md).
/// </summary>
public static class Commands
{
    public static async Task RunAsync(WebApplication app, string command, string[] args)
    {
        switch (command)
        {
            case "import-regions":
                if (args.Length != 1)
                {
                    Console.Error.WriteLine("用法: import-regions <china-division 的 CSV 文件夹> [--Import:Provinces=44,45]");
                    Environment.ExitCode = 2;
                    return;
                }
                await Startup.InitialiseAsync(app.Services, app.Configuration);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var provinces = app.Configuration["Import:Provinces"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var result = await ImportRegions.Handle(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                        scope.ServiceProvider.GetRequiredService<AuditLog>(), args[0], provinces, CancellationToken.None);
                    Console.WriteLine($"行政区划导入完成：{result}");
                }
                break;
            case "rotate-recipient-key":
                await Startup.InitialiseAsync(app.Services, app.Configuration);
                await RotateRecipientKey.RunCommand(app.Services, args);
                break;
            case "rebuild-progress":
                await Startup.InitialiseAsync(app.Services, app.Configuration);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var result = await Features.Progress.ProgressRebuild.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                        scope.ServiceProvider.GetRequiredService<Features.Profiles.ProfileCatalog>(), CancellationToken.None, args.FirstOrDefault());
                    Console.WriteLine($"进度统计已重算：站点 {result.Platforms} 个，社工 {result.Workers} 名，修正了 {result.Differences} 处计数差异。");
                }
                break;
            case "backup":
                if (args.Length != 1)
                {
                    Console.Error.WriteLine("用法: backup <空的备份目录>");
                    Environment.ExitCode = 2;
                    break;
                }
                await Startup.InitialiseAsync(app.Services, app.Configuration);
                var made = await Backup.CreateAsync(app.Services, args[0], app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
                Console.WriteLine($"备份完成：{args[0]}（{made.Provider}，{made.Rows.Values.Sum()} 行，附件 {made.Attachments.Count} 个{(made.KeyFileIncluded ? "，含演示密钥文件" : "；密钥不在备份中，请另行保管")}）");
                break;
            case "restore":
                if (args.Length != 1)
                {
                    Console.Error.WriteLine("用法: restore <备份目录>（恢复到配置的空数据库）");
                    Environment.ExitCode = 2;
                    break;
                }
                // Not initialised first: the target must stay empty until the backup is in it.
                var problems = await Backup.RestoreAsync(app.Services, args[0], CancellationToken.None);
                foreach (var p in problems) Console.Error.WriteLine(p);
                Console.WriteLine(problems.Count == 0 ? "恢复完成：每张表的行数、每个附件和密钥都与备份清单一致。" : $"恢复后发现 {problems.Count} 处不一致。");
                Environment.ExitCode = problems.Count == 0 ? 0 : 1;
                break;
            case "verify-audit":
                await Startup.InitialiseAsync(app.Services, app.Configuration);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var key = scope.ServiceProvider.GetRequiredService<Features.Audit.AuditChainKey>();
                    var v = await Features.Audit.AuditChain.VerifyAsync(db, key, CancellationToken.None);
                    Console.WriteLine($"审计日志 {v.Entries} 条（启用校验前 {v.Unsigned} 条），封存 {v.Seals} 段（其中 {v.Archived} 段已归档），待封存 {v.Unsealed} 条。");
                    Console.WriteLine(v.Intact ? "校验通过：未发现改动、删除或伪造。" : $"校验失败：{v.BrokenAt}");
                    // With an archive folder: the archived files too.
                    var files = args.Length > 0 ? await Features.Audit.AuditArchiving.VerifyFilesAsync(db, key, args[0], CancellationToken.None) : [];
                    foreach (var p in files) Console.Error.WriteLine(p);
                    if (args.Length > 0) Console.WriteLine(files.Count == 0 ? $"归档文件校验通过（{args[0]}）。" : $"归档文件有 {files.Count} 处问题。");
                    Environment.ExitCode = v.Intact && files.Count == 0 ? 0 : 1;
                }
                break;
            case "archive-audit":
                if (args.Length != 1)
                {
                    Console.Error.WriteLine("用法: archive-audit <归档目录>（在线保存天数见 Audit:OnlineDays，不少于 180）");
                    Environment.ExitCode = 2;
                    break;
                }
                await Startup.InitialiseAsync(app.Services, app.Configuration);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var sp = scope.ServiceProvider;
                    var days = app.Configuration.GetValue("Audit:OnlineDays", Features.Audit.AuditArchiving.MinimumOnlineDays);
                    var r = await Features.Audit.AuditArchiving.ArchiveAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<Features.Audit.AuditChainKey>(),
                        sp.GetRequiredService<TimeProvider>(), days, args[0], CancellationToken.None);
                    await sp.GetRequiredService<Features.Audit.AuditLog>().WriteAsync("archive", "AuditEntry", null,
                        $"审计日志归档：{r.Seals} 段、{r.Entries} 条早于 {days} 天的日志移至 {string.Join("、", r.Files)}", ct: CancellationToken.None);
                    Console.WriteLine($"已归档 {r.Seals} 段、{r.Entries} 条日志到 {args[0]}；请把归档目录与备份一同保存。");
                }
                break;
            default:
                Console.Error.WriteLine($"未知命令 {command}。可用命令: import-regions, rotate-recipient-key, rebuild-progress, verify-audit, archive-audit, backup, restore");
                Environment.ExitCode = 2;
                break;
        }
    }
}
