using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HandoversComplaintsRectification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    PhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    TrackingHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Receiver = table.Column<int>(type: "integer", nullable: false),
                    ReceiverSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    SatisfactionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SatisfactionBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationEvidence_EvaluationRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationEvidence_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationInterview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Respondent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationInterview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationInterview_EvaluationRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationInterview_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IndicatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OwnerDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Report = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationItem_EvaluationRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "EvaluationRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RectificationItem_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StationHandover",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OutgoingOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutgoingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IncomingOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncomingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OutgoingAgreementId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandoverDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ListJson = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationHandover", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StationHandover_Agreement_OutgoingAgreementId",
                        column: x => x.OutgoingAgreementId,
                        principalTable: "Agreement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StationHandover_Organisations_IncomingOrganisationId",
                        column: x => x.IncomingOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StationHandover_Organisations_OutgoingOrganisationId",
                        column: x => x.OutgoingOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StationHandover_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationEvent_RectificationItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "RectificationItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AnsweredOn_DueOn",
                table: "Complaints",
                columns: new[] { "AnsweredOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_StationId_ReceivedOn",
                table: "Complaints",
                columns: new[] { "StationId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_TrackingHash",
                table: "Complaints",
                column: "TrackingHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationEvidence_RoundId_StationId_Party_IndicatorCode",
                table: "EvaluationEvidence",
                columns: new[] { "RoundId", "StationId", "Party", "IndicatorCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationEvidence_StationId",
                table: "EvaluationEvidence",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationInterview_RoundId_StationId_Party",
                table: "EvaluationInterview",
                columns: new[] { "RoundId", "StationId", "Party" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationInterview_StationId",
                table: "EvaluationInterview",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvent_ItemId_Number",
                table: "RectificationEvent",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItem_RoundId_StationId",
                table: "RectificationItem",
                columns: new[] { "RoundId", "StationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItem_StationId_Status_DueOn",
                table: "RectificationItem",
                columns: new[] { "StationId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_IncomingOrganisationId",
                table: "StationHandover",
                column: "IncomingOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_OutgoingAgreementId",
                table: "StationHandover",
                column: "OutgoingAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_OutgoingOrganisationId",
                table: "StationHandover",
                column: "OutgoingOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_RegionCode",
                table: "StationHandover",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_StationHandover_StationId",
                table: "StationHandover",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "EvaluationEvidence");

            migrationBuilder.DropTable(
                name: "EvaluationInterview");

            migrationBuilder.DropTable(
                name: "RectificationEvent");

            migrationBuilder.DropTable(
                name: "StationHandover");

            migrationBuilder.DropTable(
                name: "RectificationItem");
        }
    }
}
