using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Homework.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentItemVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
