using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinksWithoutKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_rec_statement_link",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_StatementId",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.DropColumn(
                name: "Id",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                schema: "records",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored", "StatementId", "Primary" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored_StatementId_Primary",
                schema: "records",
                table: "rec_statement_link");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                schema: "records",
                table: "rec_statement_link",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_rec_statement_link",
                schema: "records",
                table: "rec_statement_link",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored",
                schema: "records",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_StatementId",
                schema: "records",
                table: "rec_statement_link",
                column: "StatementId");
        }
    }
}
