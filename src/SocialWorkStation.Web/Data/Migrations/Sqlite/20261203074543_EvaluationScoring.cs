using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "EvaluationSheet",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "EvaluationSheet",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "EvaluationScore",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FactsJson",
                table: "EvaluationRoundStation",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "EvaluationSheet");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "EvaluationSheet");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "EvaluationScore");

            migrationBuilder.DropColumn(
                name: "FactsJson",
                table: "EvaluationRoundStation");
        }
    }
}
