using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Recipients;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// Backup and restore (docs/operations.md "Backups"): one folder holds the database (SQLite: a consistent copy made with
/// VACUUM INTO while the platform runs; PostgreSQL: pg_dump's custom format), the attachment files, the development key
/// file when the keys came from it, and a manifest of what it promises — rows per table, every attachment's SHA-256,
/// the key ids the records need. Restore puts them into an empty database and checks every promise.
/// </summary>
public static class Backup
{
    public sealed record FileEntry(string Path, long Bytes, string Sha256);

    public sealed record Manifest(string Provider, DateTime CreatedAt, SortedDictionary<string, long> Rows, List<FileEntry> Attachments,
        List<string> KeyIds, bool KeyFileIncluded);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    public const string ManifestFile = "manifest.json";

    public static async Task<Manifest> CreateAsync(IServiceProvider services, string folder, TimeProvider clock, CancellationToken ct)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidOperationException($"备份目录不是空的：{folder}");
        }
        Directory.CreateDirectory(folder);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var rows = await CountRowsAsync(db, ct);
        string provider;
        if (db.Database.IsSqlite())
        {
            provider = "Sqlite";
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [Path.GetFullPath(Path.Combine(folder, "database.sqlite"))], ct);
        }
        else
        {
            provider = "Postgres";
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(folder, "database.pgdump")],
                db.Database.GetConnectionString()!, ct);
        }
        var store = sp.GetRequiredService<AttachmentStore>();
        var files = await CopyTreeAsync(store.Root, Path.Combine(folder, "attachments"), ct);
        var keys = sp.GetRequiredService<IOptions<RecipientProtectionOptions>>().Value;
        var included = false;
        if (keys.UsingDevelopmentKeys)
        {
            // Demo keys live beside the data; configured keys live in the operator's secret store and never in a backup.
            var keyFile = DevelopmentKeys.PathOf(sp.GetRequiredService<IHostEnvironment>(), keys);
            Directory.CreateDirectory(Path.Combine(folder, "keys"));
            File.Copy(keyFile, Path.Combine(folder, "keys", Path.GetFileName(keyFile)));
            included = true;
        }
        var manifest = new Manifest(provider, clock.GetUtcNow().UtcDateTime, rows, files, keys.Keys.Keys.OrderBy(k => k).ToList(), included);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Restores a backup into the configured database, which must hold no tables yet, and the attachment folder; then
    /// checks every row count, every attachment's hash and that the keys open the stored records. Returns the problems
    /// found (none: the restore is whole). Run it before the platform first starts on that database.
    /// </summary>
    public static async Task<List<string>> RestoreAsync(IServiceProvider services, string folder, CancellationToken ct)
    {
        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(Path.Combine(folder, ManifestFile), ct))
            ?? throw new InvalidOperationException("备份清单无法读取");
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var provider = db.Database.IsSqlite() ? "Sqlite" : "Postgres";
        if (provider != manifest.Provider)
        {
            throw new InvalidOperationException($"备份来自 {manifest.Provider}，当前数据库是 {provider}");
        }
        if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            throw new InvalidOperationException("目标数据库不是空的：请恢复到一个新建的空数据库");
        }
        if (provider == "Sqlite")
        {
            var target = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            await db.Database.CloseConnectionAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(Path.Combine(folder, "database.sqlite"), target, overwrite: true);
        }
        else
        {
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", Path.Combine(folder, "database.pgdump")],
                db.Database.GetConnectionString()!, ct, dbnameArgument: true);
        }
        var store = sp.GetRequiredService<AttachmentStore>();
        await CopyTreeAsync(Path.Combine(folder, "attachments"), store.Root, ct);
        var keys = sp.GetRequiredService<IOptions<RecipientProtectionOptions>>().Value;
        var problems = new List<string>();
        if (manifest.KeyFileIncluded && keys.UsingDevelopmentKeys)
        {
            var keyFile = DevelopmentKeys.PathOf(sp.GetRequiredService<IHostEnvironment>(), keys);
            var saved = Path.Combine(folder, "keys", Path.GetFileName(keyFile));
            if (!File.Exists(keyFile) || await File.ReadAllTextAsync(keyFile, ct) != await File.ReadAllTextAsync(saved, ct))
            {
                problems.Add($"开发密钥文件与备份不同：请用备份中的 keys/{Path.GetFileName(keyFile)} 替换 {keyFile} 后再启动");
            }
        }
        foreach (var missing in manifest.KeyIds.Where(k => !keys.Keys.ContainsKey(k)))
        {
            problems.Add($"缺少密钥 {missing}：服务对象的加密数据需要它（RecipientProtection:Keys:{missing}）");
        }

        // Check every promise against what is now in place, through a fresh connection.
        await using var check = services.CreateAsyncScope();
        var restored = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await CountRowsAsync(restored, ct);
        foreach (var (table, count) in manifest.Rows)
        {
            if (!rows.TryGetValue(table, out var now) || now != count)
            {
                problems.Add($"表 {table}：备份中 {count} 行，恢复后 {(rows.TryGetValue(table, out var n) ? n : 0)} 行");
            }
        }
        foreach (var f in manifest.Attachments)
        {
            var path = Path.Combine(store.Root, f.Path);
            if (!File.Exists(path) || await HashAsync(path, ct) != f.Sha256)
            {
                problems.Add($"附件 {f.Path} 缺失或内容不符");
            }
        }
        if (problems.Count == 0)
        {
            try
            {
                await RecipientKeyCheck.EnsureKeysOpenStoredDataAsync(restored, check.ServiceProvider.GetRequiredService<RecipientProtector>(), ct);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }
        return problems;
    }

    /// <summary>Rows per table of the model (and the migrations history), counted with one query each.</summary>
    public static async Task<SortedDictionary<string, long>> CountRowsAsync(AppDbContext db, CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct().ToList();
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            foreach (var table in tables)
            {
                await using DbCommand cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
                result[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
        return result;
    }

    private static async Task<List<FileEntry>> CopyTreeAsync(string from, string to, CancellationToken ct)
    {
        var files = new List<FileEntry>();
        if (!Directory.Exists(from)) return files;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".uploading", StringComparison.Ordinal)) continue; // an upload not finished
            var relative = Path.GetRelativePath(from, file);
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
            files.Add(new FileEntry(relative.Replace('\\', '/'), new FileInfo(file).Length, await HashAsync(file, ct)));
        }
        return files;
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's settings as libpq environment (the password never on the command line).</summary>
    private static async Task RunAsync(string tool, IEnumerable<string> args, string connectionString, CancellationToken ct, bool dbnameArgument = false)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (dbnameArgument)
        {
            start.ArgumentList.Add("--dbname");
            start.ArgumentList.Add(c.Database!);
        }
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = c.Username;
        start.Environment["PGDATABASE"] = c.Database;
        if (!string.IsNullOrEmpty(c.Password)) start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法运行 {tool}");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} 失败（退出码 {process.ExitCode}）：{await error}");
        }
    }
}
