using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImplementationPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImplementationPlan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ProfileKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sections = table.Column<string>(type: "text", nullable: false),
                    ContractorId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecruitmentPosts = table.Column<string>(type: "text", nullable: false),
                    RecruitmentTimetable = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FiledWithCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementationPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplementationPlan_Organisations_ContractorId",
                        column: x => x.ContractorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlan_ContractorId",
                table: "ImplementationPlan",
                column: "ContractorId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementationPlan_CountyCode_Year",
                table: "ImplementationPlan",
                columns: new[] { "CountyCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImplementationPlan");
        }
    }
}
