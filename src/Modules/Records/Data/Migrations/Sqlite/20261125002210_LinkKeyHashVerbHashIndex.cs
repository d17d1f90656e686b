using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkKeyHashVerbHashIndex : Migration
    {
        /// <summary>
        /// ADR 0040. SQLite has no MD5 in SQL: records_key_hash and records_verb_hash are the C# hashes (KeyHash.Of,
        /// VerbHash.Of), registered on each connection of the Records context (SqliteHashFunctions). The links stored
        /// before ADR 0032 without a verb hash get it here too, from their statement's verb.
        /// </summary>
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary_VerbHash",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_VerbId_Stored",
                table: "rec_statement");

            migrationBuilder.AddColumn<long>(
                name: "KeyHash",
                table: "rec_statement_link",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "VerbHash",
                table: "rec_statement",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "rec_statement_link" SET "KeyHash" = records_key_hash("Kind" || ':' || "Key");
                UPDATE "rec_statement" SET "VerbHash" = records_verb_hash("VerbId");
                UPDATE "rec_statement_link" SET "VerbHash" = (SELECT s."VerbHash" FROM "rec_statement" s WHERE s."Id" = "rec_statement_link"."StatementId")
                    WHERE "VerbHash" IS NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Key",
                table: "rec_statement_link");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "rec_statement_link");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_KeyHash_Stored_StatementId_Primary_VerbHash",
                table: "rec_statement_link",
                columns: new[] { "KeyHash", "Stored", "StatementId", "Primary", "VerbHash" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_VerbHash_Stored",
                table: "rec_statement",
                columns: new[] { "VerbHash", "Stored" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The links keep only a hash of their key: the text cannot be recovered from it (restore a backup instead).
            throw new NotSupportedException("LinkKeyHashVerbHashIndex cannot be reverted: the links' keys are stored as hashes only");
        }
    }
}
