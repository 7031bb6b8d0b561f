using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Recipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    HeadersJson = table.Column<string>(type: "text", nullable: false),
                    MappingJson = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    ProblemsJson = table.Column<string>(type: "text", nullable: true),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    DiffJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterImports_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RosterMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MappingJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterMappings_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    Relation = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    BirthDateCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false),
                    IdTailHash = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false),
                    PhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true, collation: "C"),
                    CategoryMask = table.Column<long>(type: "bigint", nullable: false),
                    RiskLevel = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentBy = table.Column<int>(type: "integer", nullable: true),
                    SensitiveConsent = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentGuardianName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SensitiveCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    RosterMask = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recipients_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Recipients_Platforms_StationId",
                        column: x => x.StationId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recipients_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RecipientGuardians",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PhoneCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipientGuardians", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecipientGuardians_Recipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Recipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecipientNameKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipientNameKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecipientNameKeys_Recipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Recipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecipientGuardians_RecipientId",
                table: "RecipientGuardians",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_RecipientNameKeys_Key_RecipientId",
                table: "RecipientNameKeys",
                columns: new[] { "Key", "RecipientId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecipientNameKeys_RecipientId",
                table: "RecipientNameKeys",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_RecipientNameKeys_StationId_Key_RecipientId",
                table: "RecipientNameKeys",
                columns: new[] { "StationId", "Key", "RecipientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_HouseholdId",
                table: "Recipients",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_IdNumberHash",
                table: "Recipients",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_IdTailHash_StationId",
                table: "Recipients",
                columns: new[] { "IdTailHash", "StationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_Name",
                table: "Recipients",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_StationId_IdNumberHash",
                table: "Recipients",
                columns: new[] { "StationId", "IdNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_StationId_Name",
                table: "Recipients",
                columns: new[] { "StationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_VillageCode",
                table: "Recipients",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_Recipients_WorkerId",
                table: "Recipients",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_StationId_CreatedAt",
                table: "RosterImports",
                columns: new[] { "StationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterImports_Status",
                table: "RosterImports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RosterMappings_StationId",
                table: "RosterMappings",
                column: "StationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecipientGuardians");

            migrationBuilder.DropTable(
                name: "RecipientNameKeys");

            migrationBuilder.DropTable(
                name: "RosterImports");

            migrationBuilder.DropTable(
                name: "RosterMappings");

            migrationBuilder.DropTable(
                name: "Recipients");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
