import Sufficiency

SufficiencyCommand.main()
