using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinkKeyHashVerbHashIndex : Migration
    {
        /// <summary>
        /// ADR 0040. The link table is rebuilt rather than updated: one pass that computes each link's hash from its kind
        /// and key, with no dead row versions and no text left behind in the rows (a dropped column's bytes would stay
        /// in every tuple until the next rewrite). The statement table is rewritten once by ALTER COLUMN ... USING,
        /// which also rebuilds its indexes; an UPDATE would have left a dead version of every statement. Both hashes are
        /// the C# ones (KeyHash.Of, VerbHash.Of): the first 8 / 4 bytes of the MD5 of the UTF-8 text, big-endian.
        /// </summary>
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary_Verb~",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_VerbId_Stored",
                schema: "records",
                table: "rec_statement");

            migrationBuilder.Sql("""
                CREATE TABLE records.rec_statement_link_hashed AS
                    SELECT "StatementId", ('x' || left(md5("Kind"::text || ':' || "Key"), 16))::bit(64)::bigint AS "KeyHash", "Primary", "Stored", "VerbHash"
                    FROM records.rec_statement_link;
                DROP TABLE records.rec_statement_link;
                ALTER TABLE records.rec_statement_link_hashed RENAME TO rec_statement_link;
                ALTER TABLE records.rec_statement_link
                    ALTER COLUMN "StatementId" SET NOT NULL, ALTER COLUMN "KeyHash" SET NOT NULL,
                    ALTER COLUMN "Primary" SET NOT NULL, ALTER COLUMN "Stored" SET NOT NULL;
                """);

            migrationBuilder.AddColumn<int>(
                name: "VerbHash",
                schema: "records",
                table: "rec_statement",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                ALTER TABLE records.rec_statement ALTER COLUMN "VerbHash" TYPE integer USING ('x' || left(md5("VerbId"), 8))::bit(32)::int;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_KeyHash_Stored_StatementId_Primary_VerbH~",
                schema: "records",
                table: "rec_statement_link",
                columns: new[] { "KeyHash", "Stored", "StatementId", "Primary", "VerbHash" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_VerbHash_Stored",
                schema: "records",
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
