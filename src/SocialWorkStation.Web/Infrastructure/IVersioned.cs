using Microsoft.EntityFrameworkCore;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// A record edited by people: the client sends back the version it read, and a write whose version
/// is no longer current is refused with 409 instead of silently overwriting (docs/requirements/api.md).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versions
{
    /// <summary>
    /// The version the client read must still be current: 400 without one, 409 when stale. The
    /// original value is set too, so a write racing past this check fails in the database (409).
    /// </summary>
    public static void Check<T>(DbContext db, T entity, int? version, string label) where T : class, IVersioned
    {
        if (version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var property = db.Entry(entity).Property(nameof(IVersioned.Version));
        property.OriginalValue = version.Value;
        // A change to child rows alone (kinds, needs, members, rooms) must still bump the version, so a stale edit of them is caught.
        property.IsModified = true;
        if (entity.Version != version.Value)
        {
            throw new ConflictException($"该{label}已被他人修改（当前版本 {entity.Version}，您提交的版本 {version}），请刷新后重试。");
        }
    }
}
