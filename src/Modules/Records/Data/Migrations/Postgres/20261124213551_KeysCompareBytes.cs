using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeysCompareBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Key",
                schema: "records",
                table: "rec_statement_link",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048);

            migrationBuilder.AlterColumn<string>(
                name: "VerbId",
                schema: "records",
                table: "rec_statement",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048);

            migrationBuilder.AlterColumn<string>(
                name: "Id",
                schema: "records",
                table: "rec_activity",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Key",
                schema: "records",
                table: "rec_statement_link",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "VerbId",
                schema: "records",
                table: "rec_statement",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "Id",
                schema: "records",
                table: "rec_activity",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048,
                oldCollation: "C");
        }
    }
}
