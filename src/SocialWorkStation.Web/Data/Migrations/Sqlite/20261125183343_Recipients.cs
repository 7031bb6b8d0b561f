using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ProblemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DiffJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Relation = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDateCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false),
                    IdTailHash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false),
                    PhoneCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CategoryMask = table.Column<long>(type: "INTEGER", nullable: false),
                    RiskLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentBy = table.Column<int>(type: "INTEGER", nullable: true),
                    SensitiveConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentGuardianName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SensitiveCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    RosterMask = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PhoneCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
