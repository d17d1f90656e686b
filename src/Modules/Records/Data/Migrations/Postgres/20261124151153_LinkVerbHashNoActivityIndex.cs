using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinkVerbHashNoActivityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_ActivityId_Stored",
                schema: "records",
                table: "rec_statement");

            migrationBuilder.AddColumn<int>(
                name: "VerbHash",
                schema: "records",
                table: "rec_statement_link",
                type: "integer",
                nullable: true);

            // Existing links get their statement's verb hash (VerbHash.Of: the first 4 bytes of the MD5 of the IRI's
            // UTF-8, big-endian), before the index exists. A NULL would also be correct (the filters let it through).
            migrationBuilder.Sql("""
                UPDATE records.rec_statement_link AS l
                SET "VerbHash" = ('x' || left(md5(s."VerbId"), 8))::bit(32)::int
                FROM records.rec_statement AS s
                WHERE s."Id" = l."StatementId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary_Verb~",
                schema: "records",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored", "StatementId", "Primary", "VerbHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary_Verb~",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.DropColumn(
                name: "VerbHash",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                schema: "records",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored", "StatementId", "Primary" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_ActivityId_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "ActivityId", "Stored" });
        }
    }
}
