using System.Text.Json;

namespace SocialWorkStation.Web.Infrastructure;

public static class JsonNames
{
    /// <summary>Enum member names in the API are camelCase, e.g. TownshipGovernment → townshipGovernment.</summary>
    public static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
