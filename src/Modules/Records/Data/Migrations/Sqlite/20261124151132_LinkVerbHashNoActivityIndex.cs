using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkVerbHashNoActivityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_ActivityId_Stored",
                table: "rec_statement");

            migrationBuilder.AddColumn<int>(
                name: "VerbHash",
                table: "rec_statement_link",
                type: "INTEGER",
                nullable: true);

            // SQLite has no MD5 in SQL: links stored before this keep a NULL hash, which the verb filters let through
            // (the statement's own verb is compared), so they stay correct, only without the index-side pre-filter.

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary_VerbHash",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored", "StatementId", "Primary", "VerbHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary_VerbHash",
                table: "rec_statement_link");

            migrationBuilder.DropColumn(
                name: "VerbHash",
                table: "rec_statement_link");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored", "StatementId", "Primary" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_ActivityId_Stored",
                table: "rec_statement",
                columns: new[] { "ActivityId", "Stored" });
        }
    }
}
