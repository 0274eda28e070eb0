from ctd_crawler.cli import main

main()
