using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialWorkStation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptStaffPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workers_IdNumber",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Volunteers_StationId_IdType_IdNumber",
                table: "Volunteers");

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "Workers",
                type: "TEXT",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<byte[]>(
                name: "IdNumberCipher",
                table: "Workers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "Workers",
                type: "TEXT",
                maxLength: 44,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTailHash",
                table: "Workers",
                type: "TEXT",
                maxLength: 44,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "LeaderPhoneCipher",
                table: "VolunteerTeams",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "Volunteers",
                type: "TEXT",
                maxLength: 30,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 30);

            migrationBuilder.AddColumn<byte[]>(
                name: "IdNumberCipher",
                table: "Volunteers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "Volunteers",
                type: "TEXT",
                maxLength: 44,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTailHash",
                table: "Volunteers",
                type: "TEXT",
                maxLength: 44,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneCipher",
                table: "Volunteers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PhoneNumberCipher",
                table: "AspNetUsers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workers_IdNumberHash",
                table: "Workers",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_IdTailHash",
                table: "Workers",
                column: "IdTailHash");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_IdTailHash_StationId",
                table: "Volunteers",
                columns: new[] { "IdTailHash", "StationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_StationId_IdType_IdNumberHash",
                table: "Volunteers",
                columns: new[] { "StationId", "IdType", "IdNumberHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Workers_IdNumberHash",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Workers_IdTailHash",
                table: "Workers");

            migrationBuilder.DropIndex(
                name: "IX_Volunteers_IdTailHash_StationId",
                table: "Volunteers");

            migrationBuilder.DropIndex(
                name: "IX_Volunteers_StationId_IdType_IdNumberHash",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "IdNumberCipher",
                table: "Workers");

            migrationBuilder.DropColumn(
                name: "IdNumberHash",
                table: "Workers");

            migrationBuilder.DropColumn(
                name: "IdTailHash",
                table: "Workers");

            migrationBuilder.DropColumn(
                name: "LeaderPhoneCipher",
                table: "VolunteerTeams");

            migrationBuilder.DropColumn(
                name: "IdNumberCipher",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "IdNumberHash",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "IdTailHash",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "PhoneCipher",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "PhoneNumberCipher",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "Workers",
                type: "TEXT",
                maxLength: 18,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "Volunteers",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 30,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workers_IdNumber",
                table: "Workers",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_StationId_IdType_IdNumber",
                table: "Volunteers",
                columns: new[] { "StationId", "IdType", "IdNumber" },
                unique: true);
        }
    }
}
