using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HashBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "StudentNumber",
                schema: "students",
                table: "stu_student",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19);

            // Data migration: the 64 hex characters become their 32 bytes (a plain ::bytea cast would keep the characters).
            migrationBuilder.Sql("""ALTER TABLE students.stu_student ALTER COLUMN "CitizenIdHash" TYPE bytea USING decode("CitizenIdHash", 'hex');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "StudentNumber",
                schema: "students",
                table: "stu_student",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19,
                oldCollation: "C");

            migrationBuilder.Sql("""ALTER TABLE students.stu_student ALTER COLUMN "CitizenIdHash" TYPE character varying(64) USING upper(encode("CitizenIdHash", 'hex'));""");
        }
    }
}
