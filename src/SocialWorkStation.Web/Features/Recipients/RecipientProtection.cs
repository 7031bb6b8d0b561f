using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// Keys that protect recipients' sensitive fields (section "RecipientProtection", docs/recipients.md):
/// <c>Keys</c> maps a key id to a base64 AES-256 key; <c>ActiveKeyId</c> names the one new values are
/// encrypted with (older ones stay until rotate-recipient-key has re-encrypted every row);
/// <c>IndexKey</c> is the base64 HMAC-SHA256 key of the blind indexes (exact ID number, ID tail).
/// With no keys configured, a development key file is generated under App_Data (never for production:
/// a copy of App_Data would then hold both the database and its key).
/// </summary>
public sealed class RecipientProtectionOptions
{
    public const string Section = "RecipientProtection";
    public string? ActiveKeyId { get; set; }
    public Dictionary<string, string> Keys { get; set; } = new();
    public string? IndexKey { get; set; }
    /// <summary>Where the generated development key lives; relative to the content root.</summary>
    public string DevelopmentKeyFile { get; set; } = "App_Data/recipient-keys.json";
    /// <summary>Set by the start-up when the keys came from the development key file.</summary>
    public bool UsingDevelopmentKeys { get; set; }
}

/// <summary>Fills in the development key file when no key is configured, creating it on first start.</summary>
public sealed class DevelopmentKeys(IHostEnvironment env, TimeProvider clock) : IPostConfigureOptions<RecipientProtectionOptions>
{
    public sealed record KeyFile(string ActiveKeyId, Dictionary<string, string> Keys, string IndexKey);

    public void PostConfigure(string? name, RecipientProtectionOptions o)
    {
        if (o.Keys.Count > 0 || !string.IsNullOrEmpty(o.IndexKey))
        {
            return;
        }
        var path = PathOf(env, o);
        var file = ReadOrCreate(path, clock);
        o.ActiveKeyId = file.ActiveKeyId;
        o.Keys = new Dictionary<string, string>(file.Keys);
        o.IndexKey = file.IndexKey;
        o.UsingDevelopmentKeys = true;
    }

    public static string PathOf(IHostEnvironment env, RecipientProtectionOptions o) =>
        Path.IsPathRooted(o.DevelopmentKeyFile) ? o.DevelopmentKeyFile : Path.Combine(env.ContentRootPath, o.DevelopmentKeyFile);

    public static KeyFile ReadOrCreate(string path, TimeProvider clock)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }
        var file = new KeyFile("dev-" + clock.GetUtcNow().ToString("yyyyMMdd"), new Dictionary<string, string>(), NewKey());
        file.Keys[file.ActiveKeyId] = NewKey();
        // Several hosts may start at once on a fresh checkout (the test projects run side by side): the first file
        // written wins and every other host reads it, so they all share one key and none fails on the other's file.
        var tmp = WriteTemporary(path, file);
        try
        {
            File.Move(tmp, path, overwrite: false);
            return file;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(tmp);
            return Read(path);
        }
    }

    private static KeyFile Read(string path) =>
        JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} 无法读取");

    public static void Write(string path, KeyFile file) => File.Move(WriteTemporary(path, file), path, overwrite: true);

    /// <summary>The file written beside its place under a name of its own, readable by the owner only.</summary>
    private static string WriteTemporary(string path, KeyFile file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return tmp;
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

/// <summary>Refuses to start with keys that are missing, malformed or not 256 bits.</summary>
public sealed class RecipientProtectionValidation : IValidateOptions<RecipientProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, RecipientProtectionOptions o)
    {
        var errors = new List<string>();
        if (o.Keys.Count == 0)
        {
            errors.Add("RecipientProtection:Keys 为空：请至少配置一个 AES-256 密钥（base64，32 字节）");
        }
        foreach (var (id, key) in o.Keys)
        {
            if (id.Length is 0 or > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                errors.Add($"RecipientProtection:Keys 的密钥编号 “{id}” 只能由 1–32 个字母、数字、-、_、. 组成");
            }
            if (!Is256Bits(key))
            {
                errors.Add($"RecipientProtection:Keys:{id} 不是 base64 编码的 32 字节密钥");
            }
        }
        if (string.IsNullOrEmpty(o.ActiveKeyId) || !o.Keys.ContainsKey(o.ActiveKeyId))
        {
            errors.Add("RecipientProtection:ActiveKeyId 必须是 Keys 中的一个编号");
        }
        if (!Is256Bits(o.IndexKey))
        {
            errors.Add("RecipientProtection:IndexKey 不是 base64 编码的 32 字节密钥");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool Is256Bits(string? b64)
    {
        if (string.IsNullOrEmpty(b64))
        {
            return false;
        }
        var buffer = new byte[64];
        return Convert.TryFromBase64String(b64, buffer, out var n) && n == 32;
    }
}

/// <summary>
/// AES-256-GCM for sensitive fields and HMAC-SHA256 blind indexes. A ciphertext is
/// [1: format 1][1: key-id length][key id][12: nonce][16: tag][cipher text]; the associated data binds it
/// to its record and field, so a value copied into another row or column fails to decrypt.
/// </summary>
public sealed class RecipientProtector
{
    private const byte Format = 1;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _active;
    private readonly byte[] _indexKey;

    public RecipientProtector(IOptions<RecipientProtectionOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        _active = o.ActiveKeyId!;
        _indexKey = Convert.FromBase64String(o.IndexKey!);
    }

    public string ActiveKeyId => _active;

    public byte[] Encrypt(string plaintext, string context)
    {
        var id = Encoding.ASCII.GetBytes(_active);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[2 + id.Length + 12 + 16 + plain.Length];
        blob[0] = Format;
        blob[1] = (byte)id.Length;
        id.CopyTo(blob, 2);
        var at = 2 + id.Length;
        var nonce = blob.AsSpan(at, 12);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(_keys[_active], 16);
        gcm.Encrypt(nonce, plain, blob.AsSpan(at + 28), blob.AsSpan(at + 12, 16), Encoding.UTF8.GetBytes(context));
        return blob;
    }

    public byte[]? EncryptOrNull(string? plaintext, string context) => string.IsNullOrEmpty(plaintext) ? null : Encrypt(plaintext, context);

    public string Decrypt(byte[] blob, string context)
    {
        var keyId = KeyIdOf(blob);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Recipient key '{keyId}' is not configured (RecipientProtection:Keys)");
        }
        var at = 2 + blob[1];
        var plain = new byte[blob.Length - at - 28];
        using var gcm = new AesGcm(key, 16);
        gcm.Decrypt(blob.AsSpan(at, 12), blob.AsSpan(at + 28), blob.AsSpan(at + 12, 16), plain, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plain);
    }

    public string? DecryptOrNull(byte[]? blob, string context) => blob is null ? null : Decrypt(blob, context);

    public static string KeyIdOf(byte[] blob)
    {
        if (blob.Length < 2 || blob[0] != Format || blob.Length < 2 + blob[1] + 28)
        {
            throw new CryptographicException("Not a recipient ciphertext");
        }
        return Encoding.ASCII.GetString(blob, 2, blob[1]);
    }

    /// <summary>Keyed hash of the whole normalised ID number: exact look-up and duplicate detection without decrypting.</summary>
    public string IdHash(string normalisedId) => Index("id", normalisedId);

    /// <summary>Keyed hash of the last four characters: the "last digits" search.</summary>
    public string TailHash(string normalisedId) => Index("tail", normalisedId[^4..]);

    /// <summary>Keyed hash for another kind of record's look-up (a worker's or volunteer's ID number): its own purpose, so equal values in two tables do not match.</summary>
    public string BlindIndex(string purpose, string value) => Index(purpose, value);

    private string Index(string purpose, string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(purpose + ":" + value)));
}

/// <summary>Start-up check: the configured keys must open the data already stored.</summary>
public static class RecipientKeyCheck
{
    /// <summary>
    /// Decrypts one stored record. A wrong or missing key (a lost development key file, a key removed before
    /// rotation finished) stops start-up with a message, instead of failing on every recipient page.
    /// </summary>
    public static async Task EnsureKeysOpenStoredDataAsync(Data.AppDbContext db, RecipientProtector protector, CancellationToken ct = default)
    {
        var sample = await db.Recipients.AsNoTracking().OrderByDescending(r => r.Id).Select(r => new { r.Id, r.IdNumberCipher }).FirstOrDefaultAsync(ct);
        if (sample is null)
        {
            return;
        }
        try
        {
            protector.Decrypt(sample.IdNumberCipher, Recipient.Context(sample.Id, "idNumber"));
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"服务对象数据无法用当前配置的密钥解密（密钥编号 {RecipientProtector.KeyIdOf(sample.IdNumberCipher)}）：请检查 RecipientProtection:Keys，" +
                "或找回 App_Data/recipient-keys.json。详见 docs/recipients.md。", ex);
        }
    }
}
