## cmd
