using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HashBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "CitizenIdHash",
                table: "stu_student",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            // Data migration: the table rebuild above copies the 64 hex characters; they become their 32 bytes.
            migrationBuilder.Sql("""UPDATE "stu_student" SET "CitizenIdHash" = unhex("CitizenIdHash") WHERE typeof("CitizenIdHash") = 'text';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "CitizenIdHash",
                table: "stu_student",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);

            migrationBuilder.Sql("""UPDATE "stu_student" SET "CitizenIdHash" = hex("CitizenIdHash") WHERE typeof("CitizenIdHash") = 'blob';""");
        }
    }
}
