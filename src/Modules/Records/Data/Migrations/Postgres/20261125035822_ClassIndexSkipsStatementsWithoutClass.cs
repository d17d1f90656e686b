using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClassIndexSkipsStatementsWithoutClass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_ClassId_Stored",
                schema: "records",
                table: "rec_statement");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_ClassId_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "ClassId", "Stored" },
                filter: "\"ClassId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_ClassId_Stored",
                schema: "records",
                table: "rec_statement");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_ClassId_Stored",
                schema: "records",
                table: "rec_statement",
                columns: new[] { "ClassId", "Stored" });
        }
    }
}
