using Microsoft.Extensions.Options;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>
/// The bytes of attachments on a local (or mounted network) folder. Keys are generated here
/// (yyyy/MM/guid), so no user input ever reaches a path. A file is written to a temporary name and
/// moved into place, so a second web node reading the shared folder never sees half a file.
/// </summary>
public sealed class AttachmentStore
{
    private readonly string _root;

    public AttachmentStore(IOptions<AttachmentOptions> options, IWebHostEnvironment env)
    {
        _root = Path.GetFullPath(options.Value.ResolveFolder(env.ContentRootPath));
        try
        {
            Directory.CreateDirectory(_root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"附件目录无法创建：{_root}（设置 Attachments:Folder）。{ex.Message}", ex);
        }
    }

    public string Root => _root;

    public async Task<string> SaveAsync(byte[] content, DateTime now, CancellationToken ct)
    {
        var key = $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".uploading";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, path);
        return key;
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // Keys are ours, but a tampered row must still not reach outside the folder.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Attachment key outside the attachments folder");
        }
        return path;
    }
}
