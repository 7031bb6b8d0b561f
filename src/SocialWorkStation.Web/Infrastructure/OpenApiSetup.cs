using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: bearer authentication for clients, and request examples
/// for the calls an integrator makes first (api.md: "describes every endpoint, with examples").
/// </summary>
public static class OpenApiSetup
{
    private static readonly Dictionary<string, string> RequestExamples = new()
    {
        ["POST /api/v1/auth/login"] = """{"userName": "head", "password": "Demo@2026pass"}""",
        ["POST /api/v1/auth/change-password"] = """{"currentPassword": "Demo@2026pass", "newPassword": "New#Passw0rd2026"}""",
        ["POST /api/v1/stations"] = """
            {"name": "琼中县营根镇社会工作服务站", "kind": "station", "regionCode": "469030100", "profileKey": "hainan-qiongzhong",
             "address": "琼中县营根镇人民政府大院", "floorArea": 45.5, "fireSafety": true,
             "rooms": [{"name": "社工办公室", "area": 20}, {"name": "个案工作室", "area": 12}],
             "equipment": [{"name": "电脑", "quantity": 3}, {"name": "打印机", "quantity": 1}]}
            """,
        ["PUT /api/v1/stations/{id}"] = """
            {"name": "琼中县营根镇社会工作服务站", "kind": "station", "regionCode": "469030100", "profileKey": "hainan-qiongzhong",
             "floorArea": 48, "fireSafety": true, "rooms": [{"name": "社工办公室"}], "equipment": [], "version": 3}
            """,
        ["POST /api/v1/workers"] = """
            {"stationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935", "name": "符海燕", "idNumber": "469030199509030468", "role": "worker",
             "education": "juniorCollege", "major": "社会学", "majorCategory": "related", "hireDate": "2022-03-01", "localHukou": true,
             "certificates": [{"kind": "localWorker", "obtainedOn": "2022-06-30", "registered": false}],
             "trainings": [{"date": "2024-11-08", "hours": 24, "provider": "海南省社会工作协会", "topic": "小组工作方法", "professional": true}]}
            """,
        ["POST /api/v1/workers/hiring-check"] = """
            {"stationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935", "name": "应聘者", "idNumber": "469030198004010133", "role": "worker",
             "education": "juniorCollege", "majorCategory": "related", "hireDate": "2026-04-01", "localHukou": true,
             "certificates": [], "trainings": [{"date": "2025-06-10", "hours": 120, "professional": true}]}
            """,
        ["POST /api/v1/activities"] = """
            {"date": "2026-03-20", "place": "营根镇新市村文化室", "villageCode": null, "theme": "社工进村宣传日",
             "kinds": ["socialWorkPublicity", "volunteerAdvocacy"], "workers": ["符社工", "黄站长"], "participantCount": 32,
             "content": "介绍社工站服务，招募志愿者", "outcome": "新登记志愿者6名"}
            """,
        ["POST /api/v1/volunteers"] = """
            {"name": "林志愿", "idType": "residentId", "idNumber": "11010519491231002X", "phone": "13800000000",
             "registeredOn": "2026-01-15", "skills": "助老、文艺"}
            """,
        ["POST /api/v1/volunteer-services"] = """
            {"volunteerId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935", "date": "2026-02-01", "startTime": "08:00", "endTime": "12:00",
             "travelMinutes": 60, "content": "陪同独居老人就医"}
            """,
        ["POST /api/v1/resources"] = """
            {"donorName": "琼中某爱心企业", "donorKind": "enterprise", "kind": "money", "description": "助学金", "amount": 5000.00,
             "receivedOn": "2026-01-20", "destination": "station"}
            """,
        ["POST /api/v1/organisations"] = """{"name": "琼中县益心社会工作服务中心", "kind": "contractor", "regionCode": "469030"}""",
        ["POST /api/v1/accounts"] = """
            {"userName": "wangfang", "displayName": "王芳", "password": "Initial#Pass2026", "roles": ["SocialWorker"],
             "scopeStationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935"}
            """,
    };

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "社工站平台 API (SocialWorkStation)";
            doc.Info.Description = "乡镇（街道）社会工作服务站平台的 REST API。先 POST /api/v1/auth/login 取得 accessToken，" +
                "再以 Authorization: Bearer <accessToken> 调用其余接口。列表接口支持 page、pageSize（默认50，最大500）；" +
                "错误为 RFC 9457 application/problem+json；权限范围以外的记录一律返回 404；提交过期的 version 返回 409。";
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "POST /api/v1/auth/login 返回的 accessToken",
            };
            doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] }];
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var d = context.Description;
            // A group's MapPost("/") has the relative path "api/v1/stations/": the trailing slash is not part of the key.
            var key = $"{d.HttpMethod} /{d.RelativePath?.Split('?')[0].TrimEnd('/')}";
            key = System.Text.RegularExpressions.Regex.Replace(key, @"\{(\w+):[^}]+\}", "{$1}");
            if (RequestExamples.TryGetValue(key, out var example) && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonNode.Parse(example);
                }
            }
            return Task.CompletedTask;
        });
    }
}
