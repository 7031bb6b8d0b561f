using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: bearer authentication for clients, and request examples
/// for the calls an integrator makes (docs/requirements/api.md: "describes every endpoint, with examples"): the foundation's and
/// every service record's POST and PUT with a JSON body (a test checks each example's fields against its schema).
/// </summary>
public static class OpenApiSetup
{
    private static readonly Dictionary<string, string> RequestExamples = new()
    {
        ["POST /api/v1/auth/login"] = """{"userName": "head", "password": "Demo@2026pass"}""",
        ["POST /api/v1/auth/change-password"] = """{"currentPassword": "Demo@2026pass", "newPassword": "New#Passw0rd2026"}""",
        ["POST /api/v1/recipients/search"] = """{"q": "469030195001010012", "status": "active", "page": 1, "pageSize": 50}""",
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
        ["PUT /api/v1/resources/{id}"] = """
            {"donorName": "琼中某爱心企业", "donorKind": "enterprise", "kind": "goods", "description": "冬衣", "quantity": 2, "unit": "件",
             "estimatedValue": 300.00, "receivedOn": "2026-01-20", "destination": "recipient", "recipientId": "01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10",
             "use": "发给独居老人", "version": 1}
            """,
        ["PUT /api/v1/activities/{id}"] = """
            {"date": "2026-03-20", "place": "营根镇新市村文化室", "villageCode": null, "theme": "社工进村宣传日",
             "kinds": ["socialWorkPublicity", "volunteerAdvocacy"], "workers": ["符社工", "黄站长"], "participantCount": 35,
             "content": "介绍社工站服务，招募志愿者", "outcome": "新登记志愿者6名", "version": 2}
            """,
        ["POST /api/v1/visits"] = """
            {"kind": "homeVisit", "visitedOn": "2026-03-02", "recipientIds": ["01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10"],
             "workerIds": ["01a213b6-60ce-7b55-8f2e-6a1d4c7e3f20"], "place": "新市村三组12号", "domain": "elderlyServices",
             "findings": "独居，血压偏高，药快吃完", "serviceContent": "陪同到卫生院配药，讲解高龄津贴政策", "followUpNeeded": true,
             "followUp": "一周后电话问候服药情况", "latitude": 19.0334, "longitude": 109.8389, "idempotencyKey": "9b2f1c4e-3a6d-4f7b-8c1e-2d5a7f9b0c31"}
            """,
        ["PUT /api/v1/visits/{id}"] = """
            {"kind": "homeVisit", "visitedOn": "2026-03-02", "recipientIds": ["01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10"],
             "workerIds": ["01a213b6-60ce-7b55-8f2e-6a1d4c7e3f20"], "domain": "elderlyServices", "findings": "独居，血压偏高",
             "serviceContent": "陪同到卫生院配药", "followUpNeeded": false, "version": 2}
            """,
        ["POST /api/v1/cases"] = """
            {"recipientId": "01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10", "workerId": "01a213b6-60ce-7b55-8f2e-6a1d4c7e3f20", "openedOn": "2026-03-05",
             "needs": ["生活照料", "情绪支持"], "assessment": "独居，子女在外务工，近期情绪低落", "notes": "案主不愿让村里人知道病情（加密保存）"}
            """,
        ["PUT /api/v1/cases/{id}"] = """
            {"needs": ["生活照料", "情绪支持"], "goals": ["每周两次上门照料", "每月联系子女一次"], "evaluation": null, "version": 3}
            """,
        ["POST /api/v1/cases/{id}/stage"] = """{"to": "assessment", "version": 1}""",
        ["POST /api/v1/cases/{id}/services"] = """{"on": "2026-04-02", "content": "上门探访，联系村委会安排助餐"}""",
        ["POST /api/v1/cases/{id}/review"] = """{"what": "plan", "version": 4}""",
        ["POST /api/v1/cases/{id}/notes"] = """{"reason": "准备督导会，回顾介入过程"}""",
        ["POST /api/v1/groups"] = """
            {"name": "长者健康互助小组", "purpose": "增进独居长者的互助与健康知识", "stage": "preparation", "plannedSessions": 6,
             "startedOn": "2026-04-01", "memberIds": ["01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10", "01a213b6-60ce-7c88-9d3a-1b2c3d4e5f60"]}
            """,
        ["PUT /api/v1/groups/{id}"] = """
            {"name": "长者健康互助小组", "purpose": "增进独居长者的互助与健康知识", "stage": "formation", "plannedSessions": 6,
             "startedOn": "2026-04-01", "memberIds": ["01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10", "01a213b6-60ce-7c88-9d3a-1b2c3d4e5f60"], "version": 2}
            """,
        ["POST /api/v1/groups/{id}/sessions"] = """
            {"heldOn": "2026-04-08", "content": "第一次见面，订立小组契约", "attendeeIds": ["01a213b6-60ce-7a21-b0f4-3c5e8d2a9b10"]}
            """,
        ["PUT /api/v1/volunteers/{id}"] = """
            {"name": "林志愿", "idType": "residentId", "idNumber": "11010519491231002X", "phone": "13800000000", "volunteerNumber": "46003619491231",
             "registeredOn": "2026-01-15", "skills": "助老、文艺", "version": 2}
            """,
        ["POST /api/v1/volunteers/{id}/reveal"] = """{"reason": "录入全国志愿服务信息系统"}""",
        ["POST /api/v1/volunteers/{id}/trainings"] = """{"date": "2026-03-01", "name": "助老服务技能培训", "hours": 4, "organiser": "琼中县志愿者协会"}""",
        ["POST /api/v1/volunteers/{id}/awards"] = """{"date": "2026-03-05", "name": "学雷锋优秀志愿者", "grantor": "营根镇人民政府"}""",
        ["POST /api/v1/volunteers/{id}/proofs"] = """
            {"from": "2026-01-01", "to": "2026-06-30", "issuer": null, "personInCharge": "黄站长", "contact": "0898-86220000", "handler": "符社工",
             "listTrainingAndAwards": true}
            """,
        ["POST /api/v1/volunteer-teams"] = """
            {"name": "营根镇巾帼志愿服务队", "foundedOn": "2026-01-10", "leader": "王队长", "leaderPhone": "13800000001", "serviceArea": "助老、关爱儿童",
             "memberIds": ["01a213b6-60ce-75cc-a21e-d66fd2bdd935"]}
            """,
        ["PUT /api/v1/volunteer-teams/{id}"] = """
            {"name": "营根镇巾帼志愿服务队", "foundedOn": "2026-01-10", "leader": "王队长", "serviceArea": "助老、关爱儿童", "teamNumber": "T46003600012",
             "memberIds": ["01a213b6-60ce-75cc-a21e-d66fd2bdd935"], "version": 2}
            """,
        ["PUT /api/v1/volunteer-services/{id}"] = """
            {"volunteerId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935", "date": "2026-02-01", "hours": 2.5, "content": "陪同独居老人就医", "version": 2}
            """,
        ["POST /api/v1/needs-surveys"] = """
            {"villageCode": "469030100201", "title": "新市村留守老人需求调研", "conductedOn": "2026-02-20", "method": "入户访谈", "respondents": 28,
             "summary": "助餐和就医陪同需求最多",
             "needs": [{"description": "就近助餐", "domain": "elderlyServices", "priority": "high", "affectedCount": 15, "status": "open"},
                       {"description": "就医陪同", "domain": "elderlyServices", "priority": "medium", "affectedCount": 9, "status": "inProgress",
                        "activityIds": ["01a213b6-60ce-7d01-a5b6-7c8d9e0f1a2b"]}]}
            """,
        ["PUT /api/v1/needs-surveys/{id}"] = """
            {"villageCode": "469030100201", "title": "新市村留守老人需求调研", "conductedOn": "2026-02-20", "method": "入户访谈", "respondents": 28,
             "needs": [{"id": "01a213b6-60ce-7e12-b3c4-d5e6f7a8b9c0", "description": "就近助餐", "domain": "elderlyServices", "priority": "high",
                        "affectedCount": 15, "status": "met", "activityIds": []}], "version": 2}
            """,
        ["POST /api/v1/featured-cases"] = """
            {"title": "“银龄互助”让独居老人不再孤单", "domain": "elderlyServices", "writtenOn": "2026-06-30", "authors": "符社工、黄站长",
             "summary": "以小组工作带动邻里互助", "body": "一、背景……二、服务过程……三、成效与反思……"}
            """,
        ["PUT /api/v1/featured-cases/{id}"] = """
            {"title": "“银龄互助”让独居老人不再孤单", "domain": "elderlyServices", "writtenOn": "2026-06-30", "authors": "符社工、黄站长",
             "summary": "以小组工作带动邻里互助", "body": "一、背景……二、服务过程……三、成效与反思……", "version": 2}
            """,
        ["POST /api/v1/organisations"] = """{"name": "琼中县益心社会工作服务中心", "kind": "contractor", "regionCode": "469030"}""",
        ["POST /api/v1/accounts"] = """
            {"userName": "wangfang", "displayName": "王芳", "password": "Initial#Pass2026", "roles": ["SocialWorker"],
             "scopeStationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935"}
            """,
        ["POST /api/v1/reports"] = """{"kind": "monthlyBrief", "period": "2026-10", "stationId": "0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b"}""",
        ["PUT /api/v1/reports/{id}"] = """
            {"highlights": "10月开展重阳节敬老活动1场，38名老人参加。", "problems": "部分村离站点较远，入户走访耗时较长。",
             "nextPlan": "11月完成全镇独居老人入户走访，开展冬季防火宣传。", "version": 1}
            """,
        ["POST /api/v1/reports/{id}/submit"] = """{"version": 2}""",
        ["POST /api/v1/reports/{id}/return"] = """{"version": 3, "comments": "请补充本月个案服务的成效说明。"}""",
        ["POST /api/v1/reports/{id}/accept"] = """{"version": 3, "comments": "已阅。"}""",
        ["POST /api/v1/reports/{id}/correct"] = """{"version": 4, "comments": "补录10月28日的走访记录后更正。"}""",
        ["POST /api/v1/featured-cases/{id}/publish"] = """{"version": 2}""",
        ["POST /api/v1/featured-cases/{id}/unpublish"] = """{"version": 3}""",
        ["POST /api/v1/programme-cycles"] = """
            {"countyCode": "469030", "profileKey": "hainan-qiongzhong", "buyerName": "琼中黎族苗族自治县民政局",
             "contractorId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935", "startDate": "2026-03-01", "stationIds": ["01a213b6-60ce-75cc-a21e-d66fd2bdd936"]}
            """,
        ["POST /api/v1/programme-cycles/{id}/agreements"] = """
            {"yearNumber": 1, "signedOn": "2026-03-02", "termStart": "2026-03-02", "termEnd": "2027-03-02", "amount": 2120000.00,
             "clauses": ["serviceContent", "targets", "serviceRequirements", "rightsAndDuties", "performanceEvaluation", "liability", "forceMajeure"]}
            """,
        ["PUT /api/v1/agreements/{id}"] = """
            {"signedOn": "2026-03-02", "termStart": "2026-03-02", "termEnd": "2027-03-02", "amount": 2120000.00,
             "clauses": ["serviceContent", "targets"], "filedOn": "2026-03-20", "workersPlacedOn": "2026-03-30", "version": 2}
            """,
        ["POST /api/v1/evaluation-rounds"] = """
            {"kind": "final", "serviceYear": 2026, "startsOn": "2026-11-20", "endsOn": "2026-12-10", "countyCode": "469027"}
            """,
        ["PUT /api/v1/evaluation-rounds/{id}/stations/{stationId}/sheet"] = """
            {"version": 0, "comments": "台账齐全，入户探访记录完整。",
             "scores": [{"code": "1.1", "points": 7.5, "note": "档案室未单独设置", "evidence": "实地察看；场地照片3张"},
                        {"code": "1.2", "points": 2, "note": "标识规范", "evidence": "实地察看"}]}
            """,
        ["POST /api/v1/evaluation-rounds/{id}/stations/{stationId}/sheet/submit"] = """{"version": 3}""",
        ["POST /api/v1/evaluation-rounds/{id}/close"] = """{"version": 1}""",
        ["POST /api/v1/evaluation-rounds/{id}/rectifications"] = """
            {"stationId": "0193a5c2-7e4b-7c1d-9f3a-2b5c8d1e4f60", "indicatorCode": "3.1", "requirement": "补齐2026年第三季度入户走访记录，每户附照片",
             "ownerUserName": "baoyou-head", "dueOn": "2027-02-28"}
            """,
        ["POST /api/v1/evaluation-rounds/{id}/stations/{stationId}/interviews"] = """
            {"method": "phoneInterview", "heldOn": "2026-11-20", "respondent": "电访03", "satisfaction": 4, "note": "对入户走访满意，希望增加文娱活动"}
            """,
        ["POST /api/v1/rectifications/{id}/report"] = """{"version": 1, "report": "已补录12户走访记录并上传照片"}""",
        ["POST /api/v1/rectifications/{id}/review"] = """{"version": 2, "passed": false, "comment": "缺少走访照片，请补充后再报"}""",
        ["POST /api/v1/agreements/{id}/budgets"] = """
            {"stationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd936", "lines": [
              {"category": "serviceFee", "fundingSource": "fiscalBudget", "amount": 162000.00},
              {"category": "operations", "fundingSource": "welfareLottery", "amount": 50000.00, "note": "活动物资与办公"}]}
            """,
        ["PUT /api/v1/budgets/{id}"] = """
            {"lines": [
              {"id": "01a213b6-60ce-75cc-a21e-d66fd2bdd940", "category": "serviceFee", "fundingSource": "fiscalBudget", "amount": 162000.00},
              {"id": "01a213b6-60ce-75cc-a21e-d66fd2bdd941", "category": "operations", "fundingSource": "welfareLottery", "amount": 48000.00}], "version": 3}
            """,
        ["POST /api/v1/spending"] = """
            {"budgetLineId": "01a213b6-60ce-75cc-a21e-d66fd2bdd941", "date": "2026-04-08", "amount": 1280.50, "payee": "琼中县某文具店", "purpose": "四月小组活动物资", "note": "发票号 04512345"}
            """,
        ["POST /api/v1/spending/{id}/steps"] = """{"action": "approve", "note": "同意支出", "version": 1}""",
        ["PUT /api/v1/agreements/{id}/final-grade"] = """{"grade": "good", "evaluationReport": "琼民评〔2027〕3号 2026年度社工站第三方评估报告", "version": 2}""",
        ["POST /api/v1/agreements/{id}/renew"] = """{"signedOn": "2027-03-01", "amount": 2120000.00}""",
        ["POST /api/v1/implementation-plans"] = """
            {"countyCode": "430121", "year": 2027, "profileKey": "hunan",
             "sections": [{"key": "background", "text": "长沙县辖13个镇街，2026年实现乡镇社工站全覆盖……"}, {"key": "goals", "text": "每站配备驻站社工不少于2名……"}],
             "contractorId": "0190f3a2-1111-7000-8000-000000000001",
             "recruitmentPosts": [{"post": "驻站社工", "number": 26, "qualifications": "社会工作相关专业大专及以上学历或持有社会工作者职业资格证书，40周岁以下"}],
             "recruitmentTimetable": "2027年1月发布公告，2月笔试面试，3月到岗"}
            """,
        ["PUT /api/v1/implementation-plans/{id}"] = """
            {"sections": [{"key": "performanceEvaluation", "text": "委托第三方机构开展中期、末期评估……"}],
             "recruitmentPosts": [{"post": "驻站社工", "number": 26, "qualifications": "40周岁以下，社会工作相关专业"}, {"post": "项目督导", "number": 1, "qualifications": "中级社会工作师"}],
             "version": 2}
            """,
        ["POST /api/v1/implementation-plans/{id}/filing"] = """{"filedOn": "2027-01-20", "version": 3}""",
        ["POST /api/v1/stations/{id}/handovers"] = """
            {"incomingOrganisationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd950", "handoverDay": "2026-07-01", "version": 4, "note": "档案室钥匙与服务台账已当面移交"}
            """,
        ["POST /api/v1/public/complaints"] = """
            {"stationId": "01a213b6-60ce-7c3d-9a4b-2f6e8d1c5a30", "kind": "complaint", "text": "周末来站办事没有人，希望公布周末值班电话",
             "name": "符女士", "phone": "13907551234", "website": ""}
            """,
        ["POST /api/v1/public/complaints/track"] = """{"trackingNumber": "7K3M-Q9TX-2HVD-8RNP"}""",
        ["POST /api/v1/public/complaints/satisfaction"] = """{"trackingNumber": "7K3M-Q9TX-2HVD-8RNP", "satisfaction": "basicallySatisfied"}""",
        ["POST /api/v1/complaints"] = """
            {"stationId": "01a213b6-60ce-7c3d-9a4b-2f6e8d1c5a30", "kind": "help", "channel": "phone", "text": "村里独居老人家中停水，请社工上门看看",
             "name": "王先生", "phone": "0898-86221234", "receivedOn": "2026-11-16"}
            """,
        ["POST /api/v1/complaints/{id}/answer"] = """{"answer": "已联系村委会，11月17日恢复供水；社工已上门探访。", "version": 1}""",
        ["PUT /api/v1/complaints/{id}/satisfaction"] = """{"satisfaction": "satisfied", "version": 2}""",
        ["POST /api/v1/incidents"] = """
            {"stationId": "01a213b6-60ce-7c3d-9a4b-2f6e8d1c5a30", "occurredOn": "2026-11-16", "what": "分散供养特困老人夜间发热，需送医院就诊",
             "recipientId": "01a213c2-7d41-7e55-8b3a-6c0d9e2f1a47", "severity": "serious", "actions": "社工联系村委会，协助送县医院", "urgent": true, "need": "medical"}
            """,
        ["PUT /api/v1/incidents/{id}"] = """{"what": "分散供养特困老人夜间发热，已送县人民医院", "severity": "serious", "actions": "社工陪同就诊，联系家属", "version": 1}""",
        ["POST /api/v1/incidents/{id}/close"] = """{"closedOn": "2026-11-20", "closure": "老人出院回家，社工每周电话问候", "version": 2}""",
        ["POST /api/v1/incidents/{id}/acknowledge"] = """{"version": 1}""",
        ["POST /api/v1/county-documents"] = """{"countyCode": "430121", "name": "应急预案", "title": "长沙县乡镇社会工作服务站突发事件应急预案", "fileNumber": "长县民发〔2026〕12号", "adoptedOn": "2026-03-01"}""",
        ["POST /api/v1/stations/{id}/archives"] = """
            {"category": "service", "year": 2026, "title": "2026年营根镇困境儿童个案服务档案", "carrier": "both", "paperLocation": "档案柜2号第3层第5盒", "retentionYears": 5, "note": "含个案服务记录12份"}
            """,
        ["PUT /api/v1/stations/{id}/archives/archivist"] = """{"userName": "worker", "version": 0}""",
        ["PUT /api/v1/archives/{id}"] = """{"title": "2026年营根镇困境儿童个案服务档案（上册）", "carrier": "both", "paperLocation": "档案柜2号第3层第5盒", "retentionYears": 5, "version": 1}""",
        ["POST /api/v1/archives/{id}/loans"] = """{"borrower": "县民政局 王民政", "purpose": "年度评估查阅", "borrowedOn": "2026-11-02", "dueOn": "2026-11-09", "version": 1}""",
        ["POST /api/v1/archives/{id}/loans/{loanId}/return"] = """{"returnedOn": "2026-11-09", "version": 2}""",
        ["POST /api/v1/stations/{id}/assets"] = """
            {"name": "联想台式电脑", "category": "电子设备", "value": 4299.00, "acquiredOn": "2026-03-15", "fundingSource": "县财政社工站项目经费", "location": "社工室", "custodian": "符海燕"}
            """,
        ["PUT /api/v1/assets/{id}"] = """
            {"name": "联想台式电脑", "category": "电子设备", "value": 4299.00, "acquiredOn": "2026-03-15", "fundingSource": "县财政社工站项目经费", "location": "档案室", "custodian": "黄晓梅", "version": 1}
            """,
        ["POST /api/v1/assets/{id}/dispose"] = """{"reason": "主板损坏无法维修，报废", "approval": "营根镇人民政府 李镇干 审批", "disposedOn": "2026-11-10", "version": 2}""",
        ["POST /api/v1/stations/{id}/asset-checks"] = """
            {"checkedOn": "2026-06-30", "checkedBy": "黄晓梅、符海燕", "note": "半年盘点",
             "items": [{"assetId": "01a213b6-60ce-7c3d-9a4b-2f6e8d1c5a31", "result": "found"}, {"assetId": "01a213b6-60ce-7c3d-9a4b-2f6e8d1c5a32", "result": "damaged", "note": "屏幕碎裂"}]}
            """,
        ["POST /api/v1/archives/{id}/destroy"] = """{"approval": "琼民政〔2030〕12号", "note": "保管期满，经县民政局批准，碎纸机销毁，二人监销", "version": 3}""",
        ["PUT /api/v1/stations/{id}/disclosure"] = """
            {"serviceDirectory": "1. 困难群众走访与需求评估\n2. 独居老人探访", "serviceGuide": "工作日来站登记，或拨打站点电话预约上门。", "serviceListFiledOn": "2026-02-10", "version": 1}
            """,
        ["PUT /api/v1/stations/{id}/contractor-disclosure"] = """
            {"basicInfo": "2018年在县民政局登记的社会服务机构。", "qualifications": "持证社工12名。", "annualFinancialReport": "2025年度收入86万元，支出84万元。", "projectExperience": "承接县社工站项目3年。", "version": 1}
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
